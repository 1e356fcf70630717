using System.Globalization;

namespace QgaKit.Dispatch.Binding;

/// <summary>
/// The name of the value being bound, as QAPI prints it in errors: <c>size-hint</c>, <c>paths[0]</c>,
/// <c>items[0].name</c>. Built lazily: the last two segments are kept apart and the text is only made when an error
/// needs it, so binding top-level parameters and the two levels below them builds no strings on the success path
/// (deeper levels fold one segment into a string per nesting step).
/// </summary>
public readonly struct ValuePath
{
    // Element indexes are stored plus one, so that default(ValuePath), all zeros, is the root.
    private readonly string? _prefix;
    private readonly string? _name1;
    private readonly int _index1;
    private readonly string? _name2;
    private readonly int _index2;

    /// <summary>A top-level parameter.</summary>
    public ValuePath(string name)
        : this(null, name, 0, null, 0)
    {
    }

    private ValuePath(string? prefix, string? name1, int index1, string? name2, int index2)
    {
        _prefix = prefix;
        _name1 = name1;
        _index1 = index1;
        _name2 = name2;
        _index2 = index2;
    }

    /// <summary>The arguments object itself (<c>default</c>): its members are top-level parameters.</summary>
    public bool IsRoot => _prefix is null && _name1 is null && _index1 == 0;

    private bool HasSecond => _name2 is not null || _index2 != 0;

    /// <summary>The member <paramref name="name"/> of this object value (<c>parent.name</c>).</summary>
    public ValuePath Member(string name) => Append(name, 0);

    /// <summary>Element <paramref name="index"/> of this array value (<c>parent[index]</c>).</summary>
    public ValuePath Element(int index) => Append(null, index + 1);

    public override string ToString()
    {
        if (IsRoot)
        {
            return string.Empty;
        }

        var text = Join(_prefix, _name1, _index1);
        return HasSecond ? Join(text, _name2, _index2) : text;
    }

    private ValuePath Append(string? name, int index)
    {
        if (IsRoot)
        {
            return new ValuePath(null, name, index, null, 0);
        }

        return HasSecond
            ? new ValuePath(Join(_prefix, _name1, _index1), _name2, _index2, name, index) // fold the oldest segment
            : new ValuePath(_prefix, _name1, _index1, name, index);
    }

    /// <summary>QAPI's full_name(): members joined with '.', elements as [i]; a top-level name costs nothing.</summary>
    private static string Join(string? prefix, string? name, int indexPlusOne)
    {
        var element = name is null ? "[" + (indexPlusOne - 1).ToString(CultureInfo.InvariantCulture) + "]" : null;
        if (prefix is null)
        {
            return name ?? element!;
        }

        return name is null ? prefix + element : prefix + "." + name;
    }
}
