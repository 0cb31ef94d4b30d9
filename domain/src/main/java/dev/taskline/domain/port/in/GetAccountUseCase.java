package dev.taskline.domain.port.in;

import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;

public interface GetAccountUseCase {

    User get(UserId user);
}
