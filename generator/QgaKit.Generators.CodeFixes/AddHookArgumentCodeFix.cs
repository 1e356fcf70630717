using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.CodeFixes;

/// <summary>QGA0012: adds <c>[HookArgument("kebab-name")]</c> to an enum member of a [Hook] enum.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddHookArgumentCodeFix)), Shared]
public sealed class AddHookArgumentCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("QGA0012");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<EnumMemberDeclarationSyntax>() is not { } member)
        {
            return;
        }

        var argument = Naming.ToKebabCase(member.Identifier.ValueText);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Add [HookArgument(\"" + argument + "\")]",
                ct => AddAttributeAsync(context.Document, member, argument, ct),
                equivalenceKey: nameof(AddHookArgumentCodeFix)),
            context.Diagnostics);
    }

    private static async Task<Document> AddAttributeAsync(Document document, EnumMemberDeclarationSyntax member, string argument, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Fully qualified and marked for simplification: becomes [HookArgument(…)] where `using QgaKit;` is in scope.
        var name = SyntaxFactory.ParseName("global::QgaKit.HookArgument").WithAdditionalAnnotations(Simplifier.Annotation);
        var attribute = SyntaxFactory.Attribute(
            name,
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(argument))))));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(SyntaxFactory.Space);

        // Keep the member's indentation in front of the new attribute list.
        var leading = member.GetLeadingTrivia();
        var updated = member.WithoutLeadingTrivia().AddAttributeLists(list.WithLeadingTrivia(leading));
        if (member.AttributeLists.Count > 0)
        {
            updated = member.AddAttributeLists(list.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia());
        }

        return document.WithSyntaxRoot(root.ReplaceNode(member, updated));
    }
}
