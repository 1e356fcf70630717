namespace QgaKit.Json;

/// <summary>Token types of qemu's JSON lexer (<c>json-lexer.c</c>) as the streamer sees them.</summary>
internal enum JsonTokenType : byte
{
    None = 0,
    LeftCurly,
    RightCurly,
    LeftSquare,
    RightSquare,
    Colon,
    Comma,
    Integer,
    Float,
    Keyword,
    String,

    /// <summary>A lexer error token (<c>stray '…'</c>).</summary>
    Error,

    /// <summary>A token the lexer cut off because it grew past the size limit.</summary>
    Overflow,
}
