package dev.taskline.archfixture.bootstrap;

public record AppConfig(int port) {
}
