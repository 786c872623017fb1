namespace Partage.Tests.Payroll;

/// <summary>The project's DSN checker itself: the norm's synthetic valid files pass, each deliberately broken copy fails.</summary>
public class DsnCheckerTests
{
    private static string Samples => Path.Combine(Invoicing.EInvoiceValidator.RepositoryRoot(), "tests", "standards", "dsn", "samples");

    public static TheoryData<string> Valid() => new(Directory.GetFiles(Samples, "*.dsn").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> Broken() => new(Directory.GetFiles(Path.Combine(Samples, "broken"), "*.dsn").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Valid))]
    public void SyntheticValidFile_Passes(string name)
    {
        var problems = DsnChecker.Check(File.ReadAllBytes(Path.Combine(Samples, name)));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenCopy_Fails(string name)
    {
        var defect = File.ReadAllText(Path.Combine(Samples, "broken", Path.ChangeExtension(name, ".txt"))).Trim();
        Assert.True(DsnChecker.Check(File.ReadAllBytes(Path.Combine(Samples, "broken", name))).Count > 0, $"{name} ({defect}) passed");
    }

    [Fact]
    public void DeclarationWithoutAnyone_SentAsANormalEnvoi_Fails()
    {
        var neant = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Samples, "synthetic-valid-P26V01-sans-individu.dsn")));
        Assert.Empty(DsnChecker.Check(System.Text.Encoding.Latin1.GetBytes(neant)));
        var normal = neant.Replace("S10.G00.00.008,'02'", "S10.G00.00.008,'01'", StringComparison.Ordinal);
        Assert.Contains(DsnChecker.Check(System.Text.Encoding.Latin1.GetBytes(normal)), p => p.Contains("CCH-11", StringComparison.Ordinal));
    }
}
