/**
 * Deliberately broken miniatures of Taskline's modules: each class violates one architecture rule,
 * so that ArchitectureRulesCanFailTest can show the rule failing. Never imported by the real checks.
 */
package dev.taskline.archfixture;
