using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using QgaKit.Generators.Analyzers;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>
/// Turns parameter, property and return types into <see cref="TypeRef"/>s and collects the enums and objects they
/// use. Unsupported types give null (and, with a sink, a diagnostic naming the type).
/// </summary>
internal sealed class TypeModelBuilder
{
    private static readonly string[] s_listTypes =
    {
        "System.Collections.Generic.List<T>",
        "System.Collections.Generic.IReadOnlyList<T>",
        "System.Collections.Generic.IList<T>",
        "System.Collections.Generic.ICollection<T>",
        "System.Collections.Generic.IReadOnlyCollection<T>",
        "System.Collections.Generic.IEnumerable<T>",
    };

    private readonly Dictionary<string, ObjectModel?> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _invalid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly IAssemblySymbol _assembly;
    private readonly DiagnosticSink? _sink;

    public TypeModelBuilder(IAssemblySymbol assembly, DiagnosticSink? sink)
    {
        _assembly = assembly;
        _sink = sink;
    }

    public IEnumerable<ObjectModel> Objects => _objects.Values.Where(o => o is not null).Select(o => o!).OrderBy(o => o.FullName, StringComparer.Ordinal);

    public IEnumerable<EnumModel> Enums => _enums.Values.OrderBy(e => e.FullName, StringComparer.Ordinal);

    /// <summary>The model of <paramref name="type"/>, or null when unsupported (<paramref name="unsupported"/> names
    /// the innermost type at fault; null when a property diagnostic was already reported).</summary>
    public TypeRef? Build(ITypeSymbol type, out string? unsupported)
    {
        unsupported = null;
        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (Literals.IsNullableValue(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
            nullable = true;
        }

        var core = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var fullName = core.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var id = Naming.ToIdentifier(fullName);
        if (type.TypeKind == TypeKind.Error)
        {
            unsupported = type.ToDisplayString();
            return null;
        }

        var kind = type.SpecialType switch
        {
            SpecialType.System_Boolean => ValueKind.Boolean,
            SpecialType.System_SByte => ValueKind.SByte,
            SpecialType.System_Byte => ValueKind.Byte,
            SpecialType.System_Int16 => ValueKind.Int16,
            SpecialType.System_UInt16 => ValueKind.UInt16,
            SpecialType.System_Int32 => ValueKind.Int32,
            SpecialType.System_UInt32 => ValueKind.UInt32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_UInt64 => ValueKind.UInt64,
            SpecialType.System_Double => ValueKind.Double,
            SpecialType.System_String => ValueKind.String,
            _ => (ValueKind?)null,
        };
        if (kind is { } simple)
        {
            return new TypeRef(simple, fullName, nullable, null, id);
        }

        if (type.ToDisplayString() == KnownNames.JsonValue)
        {
            return new TypeRef(ValueKind.Any, fullName, nullable, null, id);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                unsupported = type.ToDisplayString();
                return null;
            }

            var element = BuildElement(array.ElementType, out unsupported);
            return element is null ? null : new TypeRef(ValueKind.Array, fullName, nullable, element, id);
        }

        if (type is not INamedTypeSymbol named)
        {
            unsupported = type.ToDisplayString();
            return null;
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            BuildEnum(named, fullName, id);
            return new TypeRef(ValueKind.Enum, fullName, nullable, null, id);
        }

        if (named.IsGenericType && Array.IndexOf(s_listTypes, named.OriginalDefinition.ToDisplayString()) >= 0)
        {
            var element = BuildElement(named.TypeArguments[0], out unsupported);
            return element is null ? null : new TypeRef(ValueKind.List, fullName, nullable, element, id);
        }

        if (IsObjectCandidate(named))
        {
            if (_invalid.TryGetValue(fullName, out unsupported))
            {
                return null;
            }

            if (!_objects.ContainsKey(fullName))
            {
                _objects[fullName] = null; // in progress: recursive types refer to themselves by name
                var model = BuildObject(named, fullName, id, out unsupported);
                if (model is null)
                {
                    _objects.Remove(fullName);
                    _invalid[fullName] = unsupported;
                    return null;
                }

                _objects[fullName] = model;
            }

            return new TypeRef(ValueKind.Object, fullName, nullable, null, id);
        }

        unsupported = type.ToDisplayString();
        return null;
    }

    /// <summary>True when every object reachable through bound members of <paramref name="type"/> can be created
    /// from JSON; otherwise <paramref name="unsupported"/> names the first that cannot.</summary>
    public bool CanBind(TypeRef type, out string? unsupported)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return CanBind(type, visited, out unsupported);
    }

    private bool CanBind(TypeRef type, HashSet<string> visited, out string? unsupported)
    {
        unsupported = null;
        if (type.Element is { } element)
        {
            return CanBind(element, visited, out unsupported);
        }

        if (type.Kind != ValueKind.Object || !visited.Add(type.FullName))
        {
            return true;
        }

        if (!_objects.TryGetValue(type.FullName, out var model) || model is null)
        {
            return true;
        }

        if (!model.CanBind)
        {
            unsupported = type.FullName.Replace("global::", string.Empty);
            return false;
        }

        foreach (var member in model.Members)
        {
            if (member.IsBound && !CanBind(member.Type, visited, out unsupported))
            {
                return false;
            }
        }

        return true;
    }

    private TypeRef? BuildElement(ITypeSymbol element, out string? unsupported)
    {
        if (Literals.IsNullableValue(element))
        {
            // QAPI lists never hold null.
            unsupported = element.ToDisplayString();
            return null;
        }

        var model = Build(element.WithNullableAnnotation(NullableAnnotation.NotAnnotated), out unsupported);
        return model?.AsNonNullable();
    }

    private static bool IsObjectCandidate(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic || type.IsGenericType
            || type.SpecialType != SpecialType.None || type.IsTupleType || type.IsRefLikeType)
        {
            return false;
        }

        // Framework types (DateTime, Guid, Dictionary, …) have no QAPI shape.
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns != "System" && !ns.StartsWith("System.", StringComparison.Ordinal);
    }

    private void BuildEnum(INamedTypeSymbol type, string fullName, string id)
    {
        if (_enums.ContainsKey(fullName))
        {
            return;
        }

        var members = new List<EnumMemberModel>();
        var values = new HashSet<object?>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            members.Add(new EnumMemberModel(field.Name, WireNameOverride(field) ?? Naming.ToKebabCase(field.Name), IsAlias: !values.Add(field.ConstantValue)));
        }

        _enums[fullName] = new EnumModel(fullName, id, members.ToEquatableArray());
    }

    private ObjectModel? BuildObject(INamedTypeSymbol type, string fullName, string id, out string? unsupported)
    {
        unsupported = null;
        var properties = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
        {
            foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (p.IsStatic || p.IsIndexer || p.DeclaredAccessibility != Accessibility.Public || p.GetMethod is null
                    || p.GetMethod.DeclaredAccessibility != Accessibility.Public || !seen.Add(p.Name)
                    || (type.IsRecord && p.Name == "EqualityContract"))
                {
                    continue;
                }

                properties.Add(p);
            }
        }

        var ctor = ChooseConstructor(type, properties);
        var canBind = ctor is not null;
        var members = new List<MemberModel>();
        var wireNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var parameter = ctor?.Parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var typeModel = Build(property.Type, out var inner);
            if (typeModel is null)
            {
                if (inner is not null && property.Locations.Any(l => l.IsInSource))
                {
                    _sink?.Report(DiagnosticDescriptors.UnsupportedPropertyType, DiagnosticSink.Of(property), property.Name, type.ToDisplayString(), inner);
                    unsupported = null;
                }
                else
                {
                    // Declared in metadata (or already reported): the using parameter or return type names it.
                    unsupported = inner is null ? null : type.ToDisplayString();
                }

                return null;
            }

            var settable = property.SetMethod is { } set && IsAccessible(set);
            var ctorIndex = parameter is null ? -1 : parameter.Ordinal;
            var optional = typeModel.IsNullable || (parameter?.HasExplicitDefaultValue ?? false);
            var defaultValue = parameter is { HasExplicitDefaultValue: true } ? Literals.Format(parameter.ExplicitDefaultValue, parameter.Type) : null;
            var wire = WireNameOverride(property) ?? (parameter is null ? null : WireNameOverride(parameter)) ?? Naming.ToKebabCase(property.Name);
            if (wireNames.TryGetValue(wire, out var other))
            {
                if (property.Locations.Any(l => l.IsInSource))
                {
                    _sink?.Report(DiagnosticDescriptors.DuplicateParameterName, DiagnosticSink.Of(property), other, property.Name, wire);
                    unsupported = null;
                }
                else
                {
                    unsupported = type.ToDisplayString();
                }

                return null;
            }

            wireNames.Add(wire, property.Name);
            members.Add(new MemberModel(property.Name, wire, typeModel, optional, ctorIndex, ctorIndex >= 0 || settable, IsWritten: true, defaultValue));
        }

        return new ObjectModel(fullName, id, canBind, members.ToEquatableArray());
    }

    /// <summary>The public parameterless constructor, or the one with the most parameters that all name properties.</summary>
    private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> properties)
    {
        IMethodSymbol? best = null;
        foreach (var ctor in type.InstanceConstructors)
        {
            if (!IsAccessible(ctor) || (type.IsRecord && ctor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(ctor.Parameters[0].Type, type)))
            {
                continue;
            }

            var matches = ctor.Parameters.All(p => p.RefKind == RefKind.None
                && properties.Any(prop => string.Equals(prop.Name, p.Name, StringComparison.OrdinalIgnoreCase)
                    && SymbolEqualityComparer.Default.Equals(prop.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated))));
            if (matches && (best is null || ctor.Parameters.Length > best.Parameters.Length))
            {
                best = ctor;
            }
        }

        return best;
    }

    private bool IsAccessible(ISymbol symbol)
        => symbol.DeclaredAccessibility == Accessibility.Public
            || (symbol.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal
                && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _assembly));

    public static string? WireNameOverride(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.QgaNameAttribute
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }
}
