using System;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Json;
using QgaKit.Logging;
using QgaKit.Protocol;

namespace QgaKit.Dispatch;

/// <summary>
/// Turns one parser result into the reply bytes qemu-ga would send (qemu-ga's <c>process_event</c> +
/// <c>qmp_dispatch</c> + <c>send_response</c>). One request at a time: the reply buffer and command context are
/// reused, so a request that completes synchronously allocates nothing.
/// </summary>
public sealed class Dispatcher
{
    private readonly CommandTable _table;
    private readonly ResponseDelimiter _delimiter;
    private readonly AgentLogger? _logger;
    private readonly CommandContext _context = new();
    private readonly ReplyWriter _reply = new();

    public Dispatcher(CommandTable table, ResponseDelimiter delimiter, AgentLogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(delimiter);
        _table = table;
        _delimiter = delimiter;
        _logger = logger;
    }

    /// <summary>
    /// Handles one message or parse error and returns the reply line (0xFF-prefixed after guest-sync-delimited),
    /// or an empty buffer when nothing is sent (a success-response-false command that succeeded). The returned
    /// memory is reused by the next call.
    /// </summary>
    public ValueTask<ReadOnlyMemory<byte>> DispatchAsync(JsonReadResult result, CancellationToken cancellationToken)
    {
        if (result.Kind == JsonReadKind.Error)
        {
            BeginReply();
            _reply.WriteError(ProtocolTexts.GenericError, result.Error ?? string.Empty, default, hasId: false);
            return new ValueTask<ReadOnlyMemory<byte>>(_reply.Written);
        }

        var error = RequestValidator.Validate(result.Value, out var request);
        if (error is not null)
        {
            return Error(ProtocolTexts.GenericError, error, request);
        }

        if (!_table.TryFind(request.Execute, out var entry))
        {
            return Error(ProtocolTexts.CommandNotFound, ProtocolTexts.CommandNotFoundText(request.Execute.GetString()), request);
        }

        if (!entry.IsEnabled)
        {
            return Error(ProtocolTexts.CommandNotFound, ProtocolTexts.CommandDisabled(entry.Name, entry.DisableReason), request);
        }

        var context = _context;
        context.Arguments = request.Arguments.Kind == JsonKind.Undefined ? JsonValue.EmptyObject : request.Arguments;
        context.Result.Reset();
        context.CancellationToken = cancellationToken;

        ValueTask pending;
        try
        {
            pending = entry.Definition.Handler(context);
            if (pending.IsCompletedSuccessfully)
            {
                // Observe the result so that a pooled IValueTaskSource is returned.
                pending.GetAwaiter().GetResult();
                return Success(entry.Definition, request);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return CommandFailed(entry.Definition, exception, request);
        }

        return AwaitCommandAsync(pending, entry.Definition, request, cancellationToken);
    }

    private async ValueTask<ReadOnlyMemory<byte>> AwaitCommandAsync(ValueTask pending, CommandDefinition command, QmpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await CommandFailed(command, exception, request).ConfigureAwait(false);
        }

        return await Success(command, request).ConfigureAwait(false);
    }

    private ValueTask<ReadOnlyMemory<byte>> Success(CommandDefinition command, QmpRequest request)
    {
        if (!command.SuccessResponse)
        {
            // QCO_NO_SUCCESS_RESP: qmp_dispatch returns NULL and qemu-ga sends nothing.
            return new ValueTask<ReadOnlyMemory<byte>>(ReadOnlyMemory<byte>.Empty);
        }

        BeginReply();
        _reply.WriteSuccess(_context.Result.WrittenSpan, request.Id, request.HasId);
        return new ValueTask<ReadOnlyMemory<byte>>(_reply.Written);
    }

    private ValueTask<ReadOnlyMemory<byte>> CommandFailed(CommandDefinition command, Exception exception, QmpRequest request)
    {
        if (exception is QgaException qga)
        {
            var errorClass = qga.ErrorClass == QgaErrorClass.CommandNotFound ? ProtocolTexts.CommandNotFound : ProtocolTexts.GenericError;
            return Error(errorClass, qga.Message, request);
        }

        // A bug or an unexpected failure in a command: the host gets its message, the log gets the details,
        // and the agent carries on with the next request.
        _logger?.Error($"command {command.Name} failed: {exception}");
        return Error(ProtocolTexts.GenericError, exception.Message, request);
    }

    private ValueTask<ReadOnlyMemory<byte>> Error(ReadOnlySpan<byte> errorClass, string desc, QmpRequest request)
    {
        BeginReply();
        _reply.WriteError(errorClass, desc, request.Id, request.HasId);
        return new ValueTask<ReadOnlyMemory<byte>>(_reply.Written);
    }

    private void BeginReply()
    {
        _reply.Reset();

        // qemu-ga's send_response puts the sentinel before whichever response comes next; requests are served
        // one at a time, so that is the reply of the guest-sync-delimited that asked for it.
        if (_delimiter.Consume())
        {
            _reply.WriteDelimiter();
        }
    }
}
