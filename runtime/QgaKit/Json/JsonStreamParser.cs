using System;
using System.Buffers;

namespace QgaKit.Json;

/// <summary>What one step of the stream parser produced.</summary>
public enum JsonReadKind : byte
{
    /// <summary>A complete top-level value (any kind; the protocol layer checks it is an object).</summary>
    Message,

    /// <summary>A parse error; <see cref="JsonReadResult.Error"/> holds qemu-ga's text, e.g. <c>JSON parse error, stray '\uFFFD'</c>.</summary>
    Error,
}

/// <summary>One message or one parse error. <see cref="Value"/> is valid until the next <c>TryRead</c>.</summary>
public readonly struct JsonReadResult
{
    public JsonReadResult(JsonReadKind kind, JsonValue value, string? error)
    {
        Kind = kind;
        Value = value;
        Error = error;
    }

    public JsonReadKind Kind { get; }

    public JsonValue Value { get; }

    /// <summary>The full desc text of the error reply (fixed texts and one-byte strays are cached strings).</summary>
    public string? Error { get; }

    public bool IsError => Kind == JsonReadKind.Error;

    public override string ToString() => Kind == JsonReadKind.Error ? "error: " + Error : "message: " + Value.ToString();
}

/// <summary>
/// qemu-ga's JSON stream parser: feed bytes as they arrive, pull complete messages and errors in order.
/// A message ends when brackets balance (no newline needed); 0xFF/0xFE reset it; garbage gives qemu-ga's error
/// texts and parsing resumes at the next structural character; limits: 64 MiB of token bytes, 2,097,152 tokens,
/// depth 1024 per message. State is kept across <see cref="Append"/> calls (and client reconnects).
/// </summary>
/// <remarks>
/// The lexer follows qemu's <c>json-lexer.c</c> state machine byte for byte (an error token swallows the byte
/// that made it an error; a number or keyword ends on the byte after it, which is then lexed again), and the
/// streamer follows <c>json-streamer.c</c>: braces and brackets are counted separately, a message is parsed as
/// soon as both are back to zero or either goes negative, any lexer error or limit drops the partial message.
/// Not thread-safe: one reader, as qemu-ga has.
/// </remarks>
public sealed partial class JsonStreamParser
{
    private static readonly SearchValues<byte> DoubleQuotedStops = SearchValues.Create(StringStops((byte)'"'));
    private static readonly SearchValues<byte> SingleQuotedStops = SearchValues.Create(StringStops((byte)'\''));
    private static readonly SearchValues<byte> RecoveryStops = SearchValues.Create(CreateRecoveryStops());

    private readonly JsonDocument _doc = new([], []);
    private readonly JsonMessageParser _parser = new();
    private byte[] _input = [];
    private int _inputStart;
    private int _inputEnd;
    private JsonLexerState _state;

    /// <summary>Where the lexer's current token starts in the text buffer; also the bytes of the tokens queued so far.</summary>
    private int _tokenStart;
    private int _braces;
    private int _brackets;

    /// <summary>A message was handed out; its storage is reused at the next <see cref="TryRead"/>.</summary>
    private bool _messageOut;

    /// <summary>Bytes appended but not yet lexed.</summary>
    public int BufferedByteCount => _inputEnd - _inputStart;

    /// <summary>Bytes of the partial message and token held (what a 0xFF would throw away).</summary>
    public int PendingMessageBytes => _messageOut ? 0 : _doc.TextLength;

    /// <summary>Bytes of buffers the parser holds now (tests check that garbage cannot grow it).</summary>
    internal long RetainedBytes => _input.Length + _doc.Text.Length + (16L * _doc.Tokens.Length);

    /// <summary>Adds input bytes. Does not parse yet; call <see cref="TryRead"/> until it returns false.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        int pending = _inputEnd - _inputStart;
        if (_input.Length - _inputEnd < data.Length)
        {
            if (pending + data.Length <= _input.Length)
            {
                Buffer.BlockCopy(_input, _inputStart, _input, 0, pending);
            }
            else
            {
                var bigger = JsonBuffers.Rent<byte>(Math.Max(pending + data.Length, 4096));
                Buffer.BlockCopy(_input, _inputStart, bigger, 0, pending);
                JsonBuffers.Return(_input);
                _input = bigger;
            }

            _inputStart = 0;
            _inputEnd = pending;
        }

        data.CopyTo(_input.AsSpan(_inputEnd));
        _inputEnd += data.Length;
    }

    /// <summary>Parses buffered input until one message or error is complete.</summary>
    public bool TryRead(out JsonReadResult result)
    {
        if (_messageOut)
        {
            ReleaseMessage();
        }

        byte[] input = _input;
        int pos = _inputStart;
        int end = _inputEnd;
        while (pos < end)
        {
            byte c = input[pos];
            switch (_state)
            {
                case JsonLexerState.Start:
                    switch (c)
                    {
                        case (byte)' ':
                        case (byte)'\t':
                        case (byte)'\r':
                        case (byte)'\n':
                            pos++;
                            continue;
                        case (byte)'{':
                        case (byte)'}':
                        case (byte)'[':
                        case (byte)']':
                        case (byte)',':
                        case (byte)':':
                            pos++;
                            if (Single(StructuralToken(c), c, out result))
                            {
                                goto Emit;
                            }

                            continue;
                        case (byte)'"':
                            pos++;
                            AppendByte(c);
                            _state = JsonLexerState.DoubleQuoted;
                            continue;
                        case (byte)'\'':
                            pos++;
                            AppendByte(c);
                            _state = JsonLexerState.SingleQuoted;
                            continue;
                        case (byte)'0':
                            pos++;
                            AppendByte(c);
                            _state = JsonLexerState.Zero;
                            continue;
                        case (byte)'-':
                            pos++;
                            AppendByte(c);
                            _state = JsonLexerState.Sign;
                            continue;
                        case >= (byte)'1' and <= (byte)'9':
                            pos++;
                            AppendByte(c);
                            _state = JsonLexerState.Digits;
                            continue;
                        case >= (byte)'a' and <= (byte)'z':
                            pos++;
                            AppendByte(c);
                            _state = JsonLexerState.Keyword;
                            continue;
                        default:
                            pos++;
                            Fail(c, out result);
                            goto Emit;
                    }

                case JsonLexerState.Recovery:
                {
                    int skip = input.AsSpan(pos, end - pos).IndexOfAny(RecoveryStops);
                    if (skip < 0)
                    {
                        pos = end;
                        continue;
                    }

                    // The resynchronising byte is not consumed: it is lexed again from the start state.
                    pos += skip;
                    _state = JsonLexerState.Start;
                    continue;
                }

                case JsonLexerState.DoubleQuoted:
                case JsonLexerState.SingleQuoted:
                {
                    bool dq = _state == JsonLexerState.DoubleQuoted;
                    var rest = input.AsSpan(pos, end - pos);
                    int run = rest.IndexOfAny(dq ? DoubleQuotedStops : SingleQuotedStops);
                    if (run < 0)
                    {
                        run = rest.Length;
                    }

                    if (run > 0)
                    {
                        // Copy plain bytes in bulk, but stop on the byte that takes the token past the limit.
                        int take = Math.Min(run, JsonLimits.MaxTokenSize + 1 - CurrentTokenLength);
                        AppendBytes(rest[..take]);
                        pos += take;
                        if (Overflowed(out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    pos++;
                    if (c == (dq ? (byte)'"' : (byte)'\''))
                    {
                        AppendByte(c);
                        _state = JsonLexerState.Start;
                        if (ProcessToken(JsonTokenType.String, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    if (c == (byte)'\\')
                    {
                        // Fast path for a whole escape pair; the size check after each byte cannot fire in between.
                        if (pos < end && input[pos] is >= 0x20 and <= 0xFD && CurrentTokenLength + 2 <= JsonLimits.MaxTokenSize)
                        {
                            AppendBytes(input.AsSpan(pos - 1, 2));
                            pos++;
                            continue;
                        }

                        if (Advance(c, dq ? JsonLexerState.DoubleQuotedEscape : JsonLexerState.SingleQuotedEscape, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    // A control character, 0xFE or 0xFF ends the string as an error token.
                    Fail(c, out result);
                    goto Emit;
                }

                case JsonLexerState.DoubleQuotedEscape:
                case JsonLexerState.SingleQuotedEscape:
                    pos++;
                    if (c is >= 0x20 and <= 0xFD)
                    {
                        var back = _state == JsonLexerState.DoubleQuotedEscape ? JsonLexerState.DoubleQuoted : JsonLexerState.SingleQuoted;
                        if (Advance(c, back, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    Fail(c, out result);
                    goto Emit;

                case JsonLexerState.Zero:
                    if (IsDigit(c))
                    {
                        pos++;
                        Fail(c, out result);
                        goto Emit;
                    }

                    if (AfterIntegerPart(c, ref pos, out result))
                    {
                        goto Emit;
                    }

                    continue;

                case JsonLexerState.Digits:
                    if (IsDigit(c))
                    {
                        pos += AppendRun(input.AsSpan(pos, end - pos), (byte)'0', (byte)'9');
                        if (Overflowed(out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    if (AfterIntegerPart(c, ref pos, out result))
                    {
                        goto Emit;
                    }

                    continue;

                case JsonLexerState.Sign:
                    pos++;
                    if (c == (byte)'0' || IsDigit(c))
                    {
                        if (Advance(c, c == (byte)'0' ? JsonLexerState.Zero : JsonLexerState.Digits, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    Fail(c, out result);
                    goto Emit;

                case JsonLexerState.Mantissa:
                case JsonLexerState.ExponentSign:
                    pos++;
                    if (IsDigit(c))
                    {
                        var next = _state == JsonLexerState.Mantissa ? JsonLexerState.MantissaDigits : JsonLexerState.ExponentDigits;
                        if (Advance(c, next, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    Fail(c, out result);
                    goto Emit;

                case JsonLexerState.MantissaDigits:
                    if (IsDigit(c))
                    {
                        pos += AppendRun(input.AsSpan(pos, end - pos), (byte)'0', (byte)'9');
                        if (Overflowed(out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    if ((c | 0x20) == (byte)'e')
                    {
                        pos++;
                        if (Advance(c, JsonLexerState.ExponentMark, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    if (Terminal(JsonTokenType.Float, out result))
                    {
                        goto Emit;
                    }

                    continue;

                case JsonLexerState.ExponentMark:
                    pos++;
                    if (c == (byte)'+' || c == (byte)'-' || IsDigit(c))
                    {
                        if (Advance(c, IsDigit(c) ? JsonLexerState.ExponentDigits : JsonLexerState.ExponentSign, out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    Fail(c, out result);
                    goto Emit;

                case JsonLexerState.ExponentDigits:
                    if (IsDigit(c))
                    {
                        pos += AppendRun(input.AsSpan(pos, end - pos), (byte)'0', (byte)'9');
                        if (Overflowed(out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    if (Terminal(JsonTokenType.Float, out result))
                    {
                        goto Emit;
                    }

                    continue;

                default: // Keyword
                    if (c is >= (byte)'a' and <= (byte)'z')
                    {
                        pos += AppendRun(input.AsSpan(pos, end - pos), (byte)'a', (byte)'z');
                        if (Overflowed(out result))
                        {
                            goto Emit;
                        }

                        continue;
                    }

                    if (Terminal(JsonTokenType.Keyword, out result))
                    {
                        goto Emit;
                    }

                    continue;
            }
        }

        _inputStart = 0;
        _inputEnd = 0;
        if (JsonBuffers.IsLarge(_input))
        {
            _input = [];
        }

        result = default;
        return false;

    Emit:
        _inputStart = pos;
        return true;
    }

    /// <summary>Drops all partial input and state.</summary>
    public void Reset()
    {
        if (_messageOut)
        {
            ReleaseMessage();
        }

        DropMessage();
        _state = JsonLexerState.Start;
        _inputStart = 0;
        _inputEnd = 0;
        JsonBuffers.Return(_input);
        _input = [];
    }

    private int CurrentTokenLength => _doc.TextLength - _tokenStart;

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    /// <summary>A byte that continues the current token; the token may now be too long (qemu checks after every byte).</summary>
    private bool Advance(byte c, JsonLexerState next, out JsonReadResult result)
    {
        AppendByte(c);
        _state = next;
        return Overflowed(out result);
    }

    private bool Overflowed(out JsonReadResult result)
    {
        if (CurrentTokenLength > JsonLimits.MaxTokenSize)
        {
            // qemu hands the oversized token to the streamer, which rejects it, and lexes the rest afresh.
            _state = JsonLexerState.Start;
            return ProcessToken(JsonTokenType.Overflow, out result);
        }

        result = default;
        return false;
    }

    /// <summary>Appends the leading bytes of <paramref name="rest"/> in [<paramref name="low"/>, <paramref name="high"/>]
    /// to the current token, stopping on the byte that takes it past the size limit. Returns how many.</summary>
    private int AppendRun(ReadOnlySpan<byte> rest, byte low, byte high)
    {
        int run = rest.IndexOfAnyExceptInRange(low, high);
        if (run < 0)
        {
            run = rest.Length;
        }

        run = Math.Min(run, JsonLimits.MaxTokenSize + 1 - CurrentTokenLength);
        AppendBytes(rest[..run]);
        return run;
    }

    /// <summary>A number or keyword ended on the byte after it; that byte is lexed again.</summary>
    private bool Terminal(JsonTokenType type, out JsonReadResult result)
    {
        _state = JsonLexerState.Start;
        return ProcessToken(type, out result);
    }

    /// <summary>After a number's integer part: '.' or 'e' continues the number (the byte is consumed), anything else
    /// ends an integer token and is lexed again. True when a message or error is ready.</summary>
    private bool AfterIntegerPart(byte c, ref int pos, out JsonReadResult result)
    {
        if (c == (byte)'.' || (c | 0x20) == (byte)'e')
        {
            pos++;
            return Advance(c, c == (byte)'.' ? JsonLexerState.Mantissa : JsonLexerState.ExponentMark, out result);
        }

        return Terminal(JsonTokenType.Integer, out result);
    }

    /// <summary>The token a structural character stands for (the lexer emits each as a one-byte token).</summary>
    private static JsonTokenType StructuralToken(byte c) => c switch
    {
        (byte)'{' => JsonTokenType.LeftCurly,
        (byte)'}' => JsonTokenType.RightCurly,
        (byte)'[' => JsonTokenType.LeftSquare,
        (byte)']' => JsonTokenType.RightSquare,
        (byte)',' => JsonTokenType.Comma,
        _ => JsonTokenType.Colon,
    };

    private bool Single(JsonTokenType type, byte c, out JsonReadResult result)
    {
        AppendByte(c);
        return ProcessToken(type, out result);
    }

    /// <summary>The byte that makes the token invalid belongs to the error token; then recovery mode.</summary>
    private void Fail(byte c, out JsonReadResult result)
    {
        AppendByte(c);
        _state = JsonLexerState.Recovery;
        ProcessToken(JsonTokenType.Error, out result);
    }

    /// <summary>qemu's <c>json_message_process_token</c>: count, check the limits, queue, parse when balanced.</summary>
    private bool ProcessToken(JsonTokenType type, out JsonReadResult result)
    {
        int length = CurrentTokenLength;
        switch (type)
        {
            case JsonTokenType.LeftCurly:
                _braces++;
                break;
            case JsonTokenType.RightCurly:
                _braces--;
                break;
            case JsonTokenType.LeftSquare:
                _brackets++;
                break;
            case JsonTokenType.RightSquare:
                _brackets--;
                break;
            case JsonTokenType.Error:
                result = Failure(JsonErrors.Stray(_doc.Text.AsSpan(_tokenStart, length)));
                return true;
        }

        if ((long)_tokenStart + length + 1 > JsonLimits.MaxTokenSize)
        {
            result = Failure(JsonErrors.TokenSizeLimitExceeded);
            return true;
        }

        if (_doc.TokenCount + 1 > JsonLimits.MaxTokenCount)
        {
            result = Failure(JsonErrors.TokenCountLimitExceeded);
            return true;
        }

        if (_braces + _brackets > JsonLimits.MaxNesting)
        {
            result = Failure(JsonErrors.NestingDepthLimitExceeded);
            return true;
        }

        if (_doc.TokenCount == _doc.Tokens.Length)
        {
            _doc.Tokens = JsonBuffers.Grow(_doc.Tokens, _doc.TokenCount, _doc.TokenCount + 1, JsonLimits.MaxTokenCount);
        }

        _doc.Tokens[_doc.TokenCount++] = new JsonToken { Type = type, Start = _tokenStart, Length = length };
        _tokenStart = _doc.TextLength;

        if ((_braces > 0 || _brackets > 0) && _braces >= 0 && _brackets >= 0)
        {
            result = default;
            return false;
        }

        _braces = 0;
        _brackets = 0;
        var error = _parser.Parse(_doc);
        if (error is not null)
        {
            result = Failure(error);
            return true;
        }

        _messageOut = true;
        result = new JsonReadResult(JsonReadKind.Message, new JsonValue(_doc, 0, _doc.Version), null);
        return true;
    }

    private JsonReadResult Failure(string error)
    {
        DropMessage();
        return new JsonReadResult(JsonReadKind.Error, default, error);
    }

    /// <summary>Forgets the partial message and the current token (qemu resets the streamer after every emit).</summary>
    private void DropMessage()
    {
        _braces = 0;
        _brackets = 0;
        _doc.TokenCount = 0;
        _doc.TextLength = 0;
        _tokenStart = 0;
        ShrinkIfLarge();
    }

    private void ReleaseMessage()
    {
        _messageOut = false;
        unchecked
        {
            _doc.Version++;
        }

        DropMessage();
    }

    private void ShrinkIfLarge()
    {
        if (JsonBuffers.IsLarge(_doc.Text))
        {
            _doc.Text = [];
        }

        if (JsonBuffers.IsLarge(_doc.Tokens))
        {
            _doc.Tokens = [];
        }
    }

    private void AppendByte(byte c)
    {
        if (_doc.TextLength == _doc.Text.Length)
        {
            GrowText(1);
        }

        _doc.Text[_doc.TextLength++] = c;
    }

    private void AppendBytes(ReadOnlySpan<byte> bytes)
    {
        if (_doc.Text.Length - _doc.TextLength < bytes.Length)
        {
            GrowText(bytes.Length);
        }

        bytes.CopyTo(_doc.Text.AsSpan(_doc.TextLength));
        _doc.TextLength += bytes.Length;
    }

    /// <summary>Queued tokens (at most 64 MiB) plus the token being lexed (at most 64 MiB + 1).</summary>
    private void GrowText(int extra)
    {
        _doc.Text = JsonBuffers.Grow(_doc.Text, _doc.TextLength, _doc.TextLength + extra, (2 * JsonLimits.MaxTokenSize) + 2);
    }

    private static byte[] StringStops(byte quote)
    {
        var stops = new byte[32 + 4];
        for (int i = 0; i < 32; i++)
        {
            stops[i] = (byte)i;
        }

        stops[32] = quote;
        stops[33] = (byte)'\\';
        stops[34] = 0xFE;
        stops[35] = 0xFF;
        return stops;
    }

    private static byte[] CreateRecoveryStops()
    {
        var stops = new byte[31 + 2 + 6];
        int n = 0;
        for (int i = 0; i < 32; i++)
        {
            if (i != '\t')
            {
                stops[n++] = (byte)i;
            }
        }

        stops[n++] = 0xFE;
        stops[n++] = 0xFF;
        foreach (var c in "{}[]:,"u8)
        {
            stops[n++] = c;
        }

        return stops;
    }
}
