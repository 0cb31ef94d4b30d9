/**
 * Driven ports: what the domain needs from the outside. Every method of a {@code *Repository}
 * that touches user-owned data takes the owner's {@code UserId}, so there is no way to ask for
 * "task 42" without saying whose; the few that cannot (looking a user up by email at login, for
 * instance) say why with {@link dev.taskline.domain.port.out.Unscoped}. An ArchUnit rule checks it.
 * Implementations translate their own failures into domain exceptions ({@code Conflict},
 * {@code Unavailable}) and never leak them.
 */
package dev.taskline.domain.port.out;
