package dev.taskline.archfixture.domain;

import org.assertj.core.api.AbstractAssert;

/** Violates: the domain depends on the JDK alone (here: a third-party library). */
public class LibraryInTheDomain {
    public AbstractAssert<?, ?> framework;
}
