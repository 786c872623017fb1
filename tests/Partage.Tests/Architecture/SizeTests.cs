using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Partage.Tests.Architecture;

/// <summary>
/// A newcomer reads a file in one sitting and a method on one screen: no hand-written file in
/// <c>src/</c> over 350 lines, no method over 60, unless a comment says why — <c>// Long file: …</c>
/// in the file's first lines, <c>// Long method: …</c> just above the method. Migrations are generated.
/// </summary>
public class SizeTests
{
    private const int MaxFileLines = 350;
    private const int MaxMethodLines = 60;

    [Fact]
    public void Sources_FilesAndMethodsWithinLimits_OrSayWhy()
    {
        var found = Oversized(SourceRoot()).ToList();
        Assert.True(found.Count == 0, $"Over the limits without a comment saying why: {string.Join("; ", found)}.");
    }

    [Fact]
    public void Oversized_LongFileAndMethod_NamedUnlessACommentSaysWhy()
    {
        var folder = Directory.CreateTempSubdirectory("sizes").FullName;
        try
        {
            var body = string.Join('\n', Enumerable.Range(0, 70).Select(i => $"        var x{i} = {i};"));
            var method = $"    public void Big()\n    {{\n{body}\n    }}\n";
            File.WriteAllText(Path.Combine(folder, "Big.cs"), $"class Big\n{{\n{method}}}\n" + string.Concat(Enumerable.Repeat("// filler\n", 300)));
            File.WriteAllText(Path.Combine(folder, "Said.cs"), $"// Long file: a generated table.\nclass Said\n{{\n    // Long method: one table, read top to bottom.\n{method}}}\n"
                + string.Concat(Enumerable.Repeat("// filler\n", 300)));

            Assert.Equal(["Big.cs (376 lines)", "Big.cs: Big.Big (73 lines)"], Oversized(folder).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SourceRoot() => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));

    /// <summary>Each file over the limit as "path (N lines)", each method as "path: Type.Method (N lines)"; paths relative to <paramref name="root"/>.</summary>
    private static IEnumerable<string> Oversized(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "Migrations"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var path = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var text = File.ReadAllText(file);
            var lines = text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0);
            if (lines > MaxFileLines && !string.Join('\n', text.Split('\n').Take(15)).Contains("// Long file:", StringComparison.Ordinal))
            {
                yield return $"{path} ({lines} lines)";
            }

            var tree = CSharpSyntaxTree.ParseText(text);
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                var span = tree.GetLineSpan(member.Span);
                var length = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
                if (length > MaxMethodLines && !member.GetLeadingTrivia().ToFullString().Contains("// Long method:", StringComparison.Ordinal))
                {
                    yield return $"{path}: {member.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.Text}.{Name(member)} ({length} lines)";
                }
            }
        }
    }

    private static string Name(BaseMethodDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text,
        OperatorDeclarationSyntax o => $"operator {o.OperatorToken.Text}",
        _ => member.Kind().ToString(),
    };
}
