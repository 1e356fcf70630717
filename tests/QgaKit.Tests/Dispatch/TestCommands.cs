using System;
using System.Threading.Tasks;
using QgaKit.Dispatch;

namespace QgaKit.Tests.Dispatch;

/// <summary>Hand-registered commands that exercise the dispatcher's paths (as generated code would register them).</summary>
internal static class TestCommands
{
    public static void Register(CommandTable table)
    {
        table.Register(new CommandDefinition("test-no-reply", _ => default, successResponse: false));
        table.Register(new CommandDefinition("test-no-reply-fails", _ => throw new QgaException("no-reply failed"), successResponse: false));
        table.Register(new CommandDefinition("test-qga-error", _ => throw new QgaException("it failed: Permission denied")));
        table.Register(new CommandDefinition("test-not-found-error", _ => throw new QgaException(QgaErrorClass.CommandNotFound, "gone")));
        table.Register(new CommandDefinition("test-bug", _ => throw new InvalidOperationException("a bug")));
        table.Register(new CommandDefinition("test-async", async context =>
        {
            await Task.Yield();
            context.Result.WriteString("later");
        }));
        table.Register(new CommandDefinition("test-async-error", async _ =>
        {
            await Task.Yield();
            throw new QgaException("async failure");
        }));
        table.Register(new CommandDefinition("test-string", context =>
        {
            context.Result.WriteString("\u00e9");
            return default;
        }));
        table.Register(new CommandDefinition("test-frozen-ok", _ => default, allowedWhileFrozen: true));
        table.Register(new CommandDefinition("guest-fsfreeze-status", context =>
        {
            context.Result.WriteString("thawed");
            return default;
        }));
        table.Register(new CommandDefinition("guest-get-time", context =>
        {
            context.Result.WriteNumber(1L);
            return default;
        }));
    }
}
