package dev.taskline.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Main#oneCarrierMoreThanCores()}: the JDK's carrier-thread count for virtual threads is
 * cores + 1 unless the operator set it (ADR 0010). The property only matters before the first
 * virtual thread starts, so changing it here affects nothing else in this JVM; it is restored.
 */
class CarrierThreadsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Main.CARRIERS);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Main.CARRIERS);
        } else {
            System.setProperty(Main.CARRIERS, before);
        }
    }

    @Test
    void unset_oneMoreThanTheCores() {
        System.clearProperty(Main.CARRIERS);

        Main.oneCarrierMoreThanCores();

        assertThat(System.getProperty(Main.CARRIERS))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors() + 1));
    }

    @Test
    void setByTheOperator_kept() {
        System.setProperty(Main.CARRIERS, "7");

        Main.oneCarrierMoreThanCores();

        assertThat(System.getProperty(Main.CARRIERS)).isEqualTo("7");
    }
}
