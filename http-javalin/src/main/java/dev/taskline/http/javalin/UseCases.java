package dev.taskline.http.javalin;

import dev.taskline.domain.port.in.AppendMessageUseCase;
import dev.taskline.domain.port.in.AuthenticateUseCase;
import dev.taskline.domain.port.in.CreateConversationUseCase;
import dev.taskline.domain.port.in.CreateTaskUseCase;
import dev.taskline.domain.port.in.DeleteAccountUseCase;
import dev.taskline.domain.port.in.DeleteConversationUseCase;
import dev.taskline.domain.port.in.DeleteTaskUseCase;
import dev.taskline.domain.port.in.GetAccountUseCase;
import dev.taskline.domain.port.in.GetConversationUseCase;
import dev.taskline.domain.port.in.GetTaskUseCase;
import dev.taskline.domain.port.in.ListConversationsUseCase;
import dev.taskline.domain.port.in.ListMessagesUseCase;
import dev.taskline.domain.port.in.ListTasksUseCase;
import dev.taskline.domain.port.in.RegisterUserUseCase;
import dev.taskline.domain.port.in.UpdateAccountUseCase;
import dev.taskline.domain.port.in.UpdateTaskUseCase;
import dev.taskline.domain.service.AccountService;
import dev.taskline.domain.service.ConversationService;
import dev.taskline.domain.service.TaskService;
import java.util.Objects;

/** Every driving port the HTTP adapter calls; one per use case, so a test can fake any of them alone. */
public record UseCases(
        RegisterUserUseCase register,
        AuthenticateUseCase authenticate,
        GetAccountUseCase getAccount,
        UpdateAccountUseCase updateAccount,
        DeleteAccountUseCase deleteAccount,
        CreateTaskUseCase createTask,
        GetTaskUseCase getTask,
        ListTasksUseCase listTasks,
        UpdateTaskUseCase updateTask,
        DeleteTaskUseCase deleteTask,
        CreateConversationUseCase createConversation,
        GetConversationUseCase getConversation,
        ListConversationsUseCase listConversations,
        DeleteConversationUseCase deleteConversation,
        AppendMessageUseCase appendMessage,
        ListMessagesUseCase listMessages) {

    public UseCases {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(getAccount, "getAccount");
        Objects.requireNonNull(updateAccount, "updateAccount");
        Objects.requireNonNull(deleteAccount, "deleteAccount");
        Objects.requireNonNull(createTask, "createTask");
        Objects.requireNonNull(getTask, "getTask");
        Objects.requireNonNull(listTasks, "listTasks");
        Objects.requireNonNull(updateTask, "updateTask");
        Objects.requireNonNull(deleteTask, "deleteTask");
        Objects.requireNonNull(createConversation, "createConversation");
        Objects.requireNonNull(getConversation, "getConversation");
        Objects.requireNonNull(listConversations, "listConversations");
        Objects.requireNonNull(deleteConversation, "deleteConversation");
        Objects.requireNonNull(appendMessage, "appendMessage");
        Objects.requireNonNull(listMessages, "listMessages");
    }

    /** The use cases of the domain's three services. */
    public static UseCases of(AccountService accounts, TaskService tasks, ConversationService conversations) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(conversations, "conversations");
        return new UseCases(accounts, accounts, accounts, accounts, accounts,
                tasks, tasks, tasks, tasks, tasks,
                conversations, conversations, conversations, conversations, conversations, conversations);
    }
}
