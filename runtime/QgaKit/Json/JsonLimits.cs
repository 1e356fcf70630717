namespace QgaKit.Json;

/// <summary>qemu-ga's per-message limits (<c>json-streamer.c</c>, <c>json-lexer.c</c>; same in 7.2 and 10.2).</summary>
public static class JsonLimits
{
    /// <summary>Total token bytes of one message (64 MiB); also the longest single token.</summary>
    public const int MaxTokenSize = 64 << 20;

    /// <summary>Tokens in one message.</summary>
    public const int MaxTokenCount = 2 << 20;

    /// <summary>Open braces plus open brackets.</summary>
    public const int MaxNesting = 1 << 10;
}
