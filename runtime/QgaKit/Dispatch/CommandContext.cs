using System.Threading;
using QgaKit.Json;

namespace QgaKit.Dispatch;

/// <summary>
/// What a <see cref="CommandHandler"/> gets for one request. The dispatcher reuses one instance (requests are
/// served strictly one at a time, as in qemu-ga), so handlers must not keep it.
/// </summary>
public sealed class CommandContext
{
    /// <summary>The request's <c>arguments</c> object; <see cref="JsonValue.EmptyObject"/> when absent.</summary>
    public JsonValue Arguments { get; set; }

    /// <summary>
    /// Where the handler writes the value of <c>return</c>. Nothing written means <c>{}</c> (a command
    /// without a return type), exactly as QAPI does.
    /// </summary>
    public JsonWriter Result { get; } = new JsonWriter();

    /// <summary>Cancelled when the agent shuts down.</summary>
    public CancellationToken CancellationToken { get; set; }
}
