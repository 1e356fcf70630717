using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using QgaKit.Commands;
using QgaKit.Dispatch;
using QgaKit.Json;
using QgaKit.Protocol;

namespace QgaKit.Tests.Dispatch;

/// <summary>
/// An in-process agent without a transport: the runtime's built-ins (registered by their generated code),
/// optional test commands, the real parser and dispatcher. Replies are returned as Latin-1 text so that a 0xFF
/// sentinel shows as '\u00FF'.
/// </summary>
internal sealed class DispatchHarness
{
    private readonly JsonStreamParser _parser = new();

    public DispatchHarness(Action<CommandTable>? register = null, IEnumerable<string>? blocked = null, IEnumerable<string>? allowed = null)
    {
        Services.Add(Table);
        Services.Add(Delimiter);
        Services.Add(Frozen);
        // Exactly what the runtime's generated module does for the built-ins, without the other runtime commands.
        BuiltinCommands.__QgaRegisterCommands(Table, new BuiltinCommands(Delimiter, Table));
        register?.Invoke(Table);
        Filter = new CommandFilter(Table, Frozen, blocked ?? [], allowed);
        Dispatcher = new Dispatcher(Table, Delimiter);
    }

    public CommandTable Table { get; } = new();

    public ResponseDelimiter Delimiter { get; } = new();

    public FrozenState Frozen { get; } = new();

    public AgentServices Services { get; } = new();

    public CommandFilter Filter { get; }

    public Dispatcher Dispatcher { get; }

    public string Send(string request) => Send(Encoding.UTF8.GetBytes(request));

    public string Send(byte[] request)
    {
        _parser.Append(request);
        var output = new StringBuilder();
        while (_parser.TryRead(out var result))
        {
            var reply = Dispatcher.DispatchAsync(result, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            output.Append(Encoding.Latin1.GetString(reply.Span));
        }

        return output.ToString();
    }
}
