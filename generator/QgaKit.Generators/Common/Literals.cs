using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace QgaKit.Generators.Common;

/// <summary>C# source for a parameter's default value (<see cref="IParameterSymbol.ExplicitDefaultValue"/>).</summary>
internal static class Literals
{
    public static string Format(object? value, ITypeSymbol type)
    {
        var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (value is null)
        {
            return type.IsReferenceType || IsNullableValue(type) ? "null" : "default(" + typeName + ")";
        }

        var underlying = IsNullableValue(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        var underlyingName = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            bool b => b ? "true" : "false",
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            double d => FormatDouble(d),
            float f => FormatDouble(f) + "F",
            IFormattable f => "(" + underlyingName + ")(" + f.ToString(null, CultureInfo.InvariantCulture) + ")",
            _ => "default(" + typeName + ")",
        };
    }

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "double.NegativeInfinity";
        }

        return d.ToString("R", CultureInfo.InvariantCulture) + "D";
    }

    public static bool IsNullableValue(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
}
