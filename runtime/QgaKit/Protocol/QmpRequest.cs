using QgaKit.Json;

namespace QgaKit.Protocol;

/// <summary>The parts of a request object, as views into the parsed message (valid until the parser's next read).</summary>
internal readonly struct QmpRequest
{
    public QmpRequest(JsonValue execute, JsonValue arguments, JsonValue id)
    {
        Execute = execute;
        Arguments = arguments;
        Id = id;
    }

    /// <summary>The <c>execute</c> string; <see cref="JsonKind.Undefined"/> when absent.</summary>
    public JsonValue Execute { get; }

    /// <summary>The <c>arguments</c> object; <see cref="JsonKind.Undefined"/> when absent (treated as <c>{}</c>).</summary>
    public JsonValue Arguments { get; }

    /// <summary>The <c>id</c> of any JSON type; <see cref="JsonKind.Undefined"/> when absent (nothing is echoed).</summary>
    public JsonValue Id { get; }

    public bool HasId => Id.Kind != JsonKind.Undefined;
}
