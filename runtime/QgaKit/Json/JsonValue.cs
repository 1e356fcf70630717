using System;
using System.Globalization;
using System.Text;

namespace QgaKit.Json;

// A JsonValue is a view into a parsed message (its tokens are the value tree, strings are already decoded). It
// stays valid until the parser that produced it reads its next message (the next TryRead); after that every member
// throws InvalidOperationException. Call Clone() to keep it longer (e.g. an `any` argument a command stores).

/// <summary>A read-only view of one value of a parsed message, without per-value allocation.</summary>
public readonly partial struct JsonValue
{
    private readonly JsonDocument? _doc;
    private readonly int _index;
    private readonly int _version;

    internal JsonValue(JsonDocument doc, int index, int version)
    {
        _doc = doc;
        _index = index;
        _version = version;
    }

    /// <summary>The value's kind; <see cref="JsonKind.Undefined"/> for <c>default(JsonValue)</c>.</summary>
    public JsonKind Kind => _doc is null ? JsonKind.Undefined : Token.Kind;

    /// <summary>An empty object, used as <c>arguments</c> when a request has none.</summary>
    public static JsonValue EmptyObject => new(JsonDocument.EmptyObject, 0, 0);

    /// <summary>True for a number written without fraction or exponent (QAPI's integer tokens).</summary>
    public bool IsInteger => Kind == JsonKind.Number && Token.Type == JsonTokenType.Integer;

    internal JsonDocument Document => CheckedDocument();

    internal int Index => _index;

    private ref JsonToken Token => ref CheckedDocument().Tokens[_index];

    /// <summary>Integer reading with QAPI's rules: only a number token without fraction or exponent that fits.</summary>
    public bool TryGetInt64(out long value)
    {
        if (IsInteger)
        {
            return long.TryParse(Document.Bytes(_index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>Like <see cref="TryGetInt64"/> for QAPI's uint64: also accepts 2^63…2^64-1; negative integers are
    /// accepted when they fit int64 and are reinterpreted (two's complement), as QAPI's input visitor does for
    /// backward compatibility (<c>-1</c> reads as 18446744073709551615).</summary>
    public bool TryGetUInt64(out ulong value)
    {
        if (IsInteger)
        {
            var text = Document.Bytes(_index);
            if (text[0] == (byte)'-')
            {
                bool ok = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long signed);
                value = unchecked((ulong)signed);
                return ok;
            }

            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>QAPI <c>number</c>: any number token (integers included). Like qemu's strtod, a number too big for a
    /// double reads as an infinity and a too small one as zero.</summary>
    public bool TryGetDouble(out double value)
    {
        if (Kind == JsonKind.Number)
        {
            return double.TryParse(Document.Bytes(_index), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>True for <see cref="JsonKind.True"/>, false for <see cref="JsonKind.False"/>; throws otherwise.</summary>
    public bool GetBoolean() => Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => throw WrongKind("a boolean"),
    };

    /// <summary>The decoded string (allocates). Throws when <see cref="Kind"/> is not <see cref="JsonKind.String"/>.</summary>
    public string GetString() => Encoding.UTF8.GetString(GetStringUtf8());

    /// <summary>The decoded string as UTF-8 (U+0000 is one 0x00 byte), without allocating; valid as long as the value.</summary>
    public ReadOnlySpan<byte> GetStringUtf8()
    {
        if (Kind != JsonKind.String)
        {
            throw WrongKind("a string");
        }

        return Document.Bytes(_index);
    }

    /// <summary>The number exactly as it was written (e.g. <c>1E+3</c>), without allocating.</summary>
    public ReadOnlySpan<byte> GetNumberText()
    {
        if (Kind != JsonKind.Number)
        {
            throw WrongKind("a number");
        }

        return Document.Bytes(_index);
    }

    /// <summary>Compares the decoded string with UTF-8 text without allocating.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> utf8) => Kind == JsonKind.String && Document.Bytes(_index).SequenceEqual(utf8);

    /// <summary>Compares the decoded string with a .NET string without allocating.</summary>
    public bool ValueEquals(string text) => Kind == JsonKind.String && JsonText.Utf8Equals(Document.Bytes(_index), text);

    /// <summary>Number of elements of an array, or of members of an object.</summary>
    public int GetLength()
    {
        var kind = Kind;
        if (kind is not (JsonKind.Object or JsonKind.Array))
        {
            throw WrongKind("an object or an array");
        }

        var doc = Document;
        return doc.Tokens[doc.Tokens[_index].Aux].Aux;
    }

    /// <summary>Finds an object member by name (UTF-8), without allocating.</summary>
    public bool TryGetProperty(ReadOnlySpan<byte> utf8Name, out JsonValue value)
    {
        foreach (var member in EnumerateObject())
        {
            if (member.NameEquals(utf8Name))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Finds an object member by name, without allocating.</summary>
    public bool TryGetProperty(string name, out JsonValue value)
    {
        foreach (var member in EnumerateObject())
        {
            if (member.NameEquals(name))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The members of an object in request order.</summary>
    public ObjectEnumerator EnumerateObject()
    {
        if (Kind != JsonKind.Object)
        {
            throw WrongKind("an object");
        }

        return new ObjectEnumerator(_doc!, _index, _version);
    }

    /// <summary>The elements of an array in order.</summary>
    public ArrayEnumerator EnumerateArray()
    {
        if (Kind != JsonKind.Array)
        {
            throw WrongKind("an array");
        }

        return new ArrayEnumerator(_doc!, _index, _version);
    }

    /// <summary>A copy that owns its storage and outlives the parser's next message.</summary>
    public JsonValue Clone()
    {
        if (_doc is null)
        {
            return default;
        }

        var doc = CheckedDocument();
        return new JsonValue(doc.CloneValue(_index), 0, 0);
    }

    /// <summary>Writes the value in qemu-ga's style (used to echo <c>id</c> and to return <c>any</c>).</summary>
    public void WriteTo(JsonWriter writer) => writer.WriteValue(this);

    /// <summary>The value as qemu-ga would write it (allocates; for logs and tests).</summary>
    public override string ToString()
    {
        if (_doc is null)
        {
            return string.Empty;
        }

        var writer = new JsonWriter();
        writer.WriteValue(this);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    /// <summary>Parses one complete JSON text with qemu-ga's rules (single quotes allowed, …) into a standalone
    /// value. Throws <see cref="FormatException"/> with qemu-ga's error text, or when there is more than one value.</summary>
    public static JsonValue Parse(ReadOnlySpan<byte> utf8)
    {
        var parser = new JsonStreamParser();
        parser.Append(utf8);
        parser.Append(" "u8); // a top-level number ends only at the byte after it
        if (!parser.TryRead(out var first))
        {
            throw new FormatException("Incomplete JSON text.");
        }

        if (first.Kind == JsonReadKind.Error)
        {
            throw new FormatException(first.Error);
        }

        var value = first.Value.Clone();
        if (parser.TryRead(out var extra) || parser.PendingMessageBytes != 0)
        {
            throw new FormatException(extra.Kind == JsonReadKind.Error ? extra.Error : "More than one JSON value.");
        }

        return value;
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static JsonValue Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// JSON equality: same kind, numbers equal by value (integers exactly, others as doubles), strings equal,
    /// arrays element-wise, objects with the same member names and equal values in any order.
    /// </summary>
    public static bool DeepEquals(JsonValue left, JsonValue right)
    {
        var kind = left.Kind;
        if (kind != right.Kind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonKind.Number:
                if (left.TryGetInt64(out long l) && right.TryGetInt64(out long r))
                {
                    return l == r;
                }

                if (left.IsInteger && right.IsInteger && left.TryGetUInt64(out ulong lu) && right.TryGetUInt64(out ulong ru)
                    && left.GetNumberText()[0] != (byte)'-' && right.GetNumberText()[0] != (byte)'-')
                {
                    return lu == ru;
                }

                return left.TryGetDouble(out double ld) && right.TryGetDouble(out double rd) && ld.Equals(rd);
            case JsonKind.String:
                return left.GetStringUtf8().SequenceEqual(right.GetStringUtf8());
            case JsonKind.Array:
            {
                if (left.GetLength() != right.GetLength())
                {
                    return false;
                }

                var re = right.EnumerateArray();
                foreach (var item in left.EnumerateArray())
                {
                    re.MoveNext();
                    if (!DeepEquals(item, re.Current))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonKind.Object:
            {
                if (left.GetLength() != right.GetLength())
                {
                    return false;
                }

                foreach (var member in left.EnumerateObject())
                {
                    if (!right.TryGetProperty(member.Utf8Name, out var other) || !DeepEquals(member.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return true;
        }
    }

    private JsonDocument CheckedDocument()
    {
        var doc = _doc ?? throw new InvalidOperationException("The JsonValue is default (undefined).");
        if (doc.Version != _version)
        {
            throw StaleValue();
        }

        return doc;
    }

    private InvalidOperationException WrongKind(string expected) =>
        new($"The JSON value is {Kind}, not {expected}.");

    internal static InvalidOperationException StaleValue() =>
        new("The JsonValue belongs to a message the parser has moved past; Clone() values that must live longer.");

    /// <summary>Allocation-free enumerator over an object's members.</summary>
    public struct ObjectEnumerator
    {
        // Members are `key ':' value`: the next separator comes after the member's value, two tokens past the key.
        private ChildCursor _cursor;

        internal ObjectEnumerator(JsonDocument doc, int index, int version) => _cursor = new ChildCursor(doc, index, version, valueOffset: 2);

        public JsonProperty Current => new(_cursor.Doc, _cursor.Position, _cursor.Version);

        public bool MoveNext() => _cursor.MoveNext();

        public ObjectEnumerator GetEnumerator() => this;
    }

    /// <summary>Allocation-free enumerator over an array's elements.</summary>
    public struct ArrayEnumerator
    {
        private ChildCursor _cursor;

        internal ArrayEnumerator(JsonDocument doc, int index, int version) => _cursor = new ChildCursor(doc, index, version, valueOffset: 0);

        public JsonValue Current => new(_cursor.Doc, _cursor.Position, _cursor.Version);

        public bool MoveNext() => _cursor.MoveNext();

        public ArrayEnumerator GetEnumerator() => this;
    }

    /// <summary>Walks the children of an object or array token by token: each child starts after the opener or a
    /// ',' and ends where the token at <c>Position + valueOffset</c> ends.</summary>
    private struct ChildCursor
    {
        private readonly int _opener;
        private readonly int _closer;
        private readonly int _valueOffset;

        public ChildCursor(JsonDocument doc, int opener, int version, int valueOffset)
        {
            Doc = doc;
            Version = version;
            _opener = opener;
            _closer = doc.Tokens[opener].Aux;
            _valueOffset = valueOffset;
            Position = -1;
        }

        public JsonDocument Doc { get; }

        public int Version { get; }

        /// <summary>The first token of the current child (an object member's key).</summary>
        public int Position { get; private set; }

        public bool MoveNext()
        {
            if (Doc.Version != Version)
            {
                throw StaleValue();
            }

            if (Position == _closer)
            {
                return false;
            }

            // The token after the previous child is ',' or the closer.
            int separator = Position < 0 ? _opener : Doc.End(Position + _valueOffset) + 1;
            if (separator == _closer || separator + 1 == _closer)
            {
                Position = _closer;
                return false;
            }

            Position = separator + 1;
            return true;
        }
    }
}

/// <summary>One member of a JSON object.</summary>
public readonly partial struct JsonProperty
{
    private readonly JsonDocument _doc;
    private readonly int _key;
    private readonly int _version;

    internal JsonProperty(JsonDocument doc, int key, int version)
    {
        _doc = doc;
        _key = key;
        _version = version;
    }

    /// <summary>The member's name (allocates a string).</summary>
    public string Name => Encoding.UTF8.GetString(Utf8Name);

    /// <summary>The member's decoded name as UTF-8, without allocating.</summary>
    public ReadOnlySpan<byte> Utf8Name
    {
        get
        {
            if (_doc is null)
            {
                throw new InvalidOperationException("The JsonProperty is default (undefined).");
            }

            if (_doc.Version != _version)
            {
                throw JsonValue.StaleValue();
            }

            return _doc.Bytes(_key);
        }
    }

    /// <summary>Compares the member's name with UTF-8 text without allocating.</summary>
    public bool NameEquals(ReadOnlySpan<byte> utf8) => Utf8Name.SequenceEqual(utf8);

    /// <summary>Compares the member's name with a .NET string without allocating.</summary>
    public bool NameEquals(string name) => JsonText.Utf8Equals(Utf8Name, name);

    public JsonValue Value => new(_doc, _key + 2, _version);

    public override string ToString() => Name + ": " + Value.ToString();
}
