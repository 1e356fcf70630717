using System.Globalization;

namespace QgaKit.Dispatch.Binding;

/// <summary>
/// The name of the value being bound, as QAPI prints it in errors: <c>size-hint</c>, <c>paths[0]</c>,
/// <c>disk.label</c>. Built lazily: the text is only made when an error needs it, so binding top-level
/// parameters and their direct members or elements builds no strings.
/// </summary>
public readonly struct ValuePath
{
    private readonly string? _parent;
    private readonly string? _member;
    private readonly int _index;

    /// <summary>A top-level parameter.</summary>
    public ValuePath(string name)
    {
        _parent = null;
        _member = name;
        _index = -1;
    }

    private ValuePath(string? parent, string? member, int index)
    {
        _parent = parent;
        _member = member;
        _index = index;
    }

    /// <summary>The arguments object itself (<c>default</c>): its members are top-level parameters.</summary>
    public bool IsRoot => _parent is null && _member is null;

    /// <summary>The member <paramref name="name"/> of this object value (<c>parent.name</c>).</summary>
    public ValuePath Member(string name) => IsRoot ? new ValuePath(name) : new ValuePath(ToString(), name, -1);

    /// <summary>Element <paramref name="index"/> of this array value (<c>parent[index]</c>).</summary>
    public ValuePath Element(int index) => new(ToString(), null, index);

    public override string ToString()
    {
        if (_parent is null)
        {
            return _member ?? string.Empty;
        }

        return _member is null
            ? _parent + "[" + _index.ToString(CultureInfo.InvariantCulture) + "]"
            : _parent + "." + _member;
    }
}
