namespace QgaKit.Json;

/// <summary>States of qemu's JSON lexer (<c>json-lexer.c</c>; without <c>%</c> interpolation, which qemu-ga does not enable).</summary>
internal enum JsonLexerState : byte
{
    Start,

    /// <summary>After an error token: skip to a structural character, a control character other than TAB, or 0xFE/0xFF.</summary>
    Recovery,
    DoubleQuoted,
    DoubleQuotedEscape,
    SingleQuoted,
    SingleQuotedEscape,
    Zero,
    Digits,
    Sign,
    Mantissa,
    MantissaDigits,
    ExponentMark,
    ExponentSign,
    ExponentDigits,
    Keyword,
}
