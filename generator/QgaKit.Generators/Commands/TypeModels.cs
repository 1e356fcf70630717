using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>How a value is read from and written to JSON.</summary>
internal enum ValueKind
{
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Double,
    String,
    Any,
    Enum,
    Object,
    Array,
    List,
}

/// <summary>A type as the emitters see it.</summary>
/// <param name="FullName">The type without nullability, <c>global::</c>-qualified (<c>global::System.Int64</c>
/// is written <c>long</c>).</param>
/// <param name="IsNullable">A <c>Nullable&lt;T&gt;</c> or an annotated reference type.</param>
/// <param name="Element">The element type of arrays and lists.</param>
/// <param name="Id">A stable identifier fragment for generated helper methods.</param>
internal sealed record TypeRef(ValueKind Kind, string FullName, bool IsNullable, TypeRef? Element, string Id)
{
    /// <summary>The type as written in declarations, with <c>?</c> when nullable.</summary>
    public string DeclaredName => IsNullable ? FullName + "?" : FullName;

    public TypeRef AsNonNullable() => IsNullable ? this with { IsNullable = false } : this;
}

/// <summary>An enum used by a command, with its wire names.</summary>
internal sealed record EnumModel(string FullName, string Id, EquatableArray<EnumMemberModel> Members);

internal sealed record EnumMemberModel(string Name, string WireName, bool IsAlias);

/// <summary>A record, class or struct used as a nested JSON object.</summary>
/// <param name="CanBind">It can be created from JSON (a usable constructor; members settable or constructor-bound).</param>
internal sealed record ObjectModel(string FullName, string Id, bool CanBind, EquatableArray<MemberModel> Members);

/// <summary>One property of an <see cref="ObjectModel"/>.</summary>
/// <param name="CtorIndex">Its position in the chosen constructor, or -1 when set with an initializer.</param>
/// <param name="IsBound">Read from JSON (settable or constructor-bound); false for get-only computed properties.</param>
/// <param name="DefaultValue">The constructor parameter's default, as C#, when it has one.</param>
internal sealed record MemberModel(
    string PropertyName,
    string WireName,
    TypeRef Type,
    bool IsOptional,
    int CtorIndex,
    bool IsBound,
    bool IsWritten,
    string? DefaultValue);
