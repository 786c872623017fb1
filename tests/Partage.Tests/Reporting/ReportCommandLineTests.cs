using System.Text.Json;
using Partage.Tests.Http;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;

namespace Partage.Tests.Reporting;

/// <summary>`partage report history import` and `partage report annual` as processes of the real executable on the test database.</summary>
public sealed class ReportCommandLineTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task HistoryImport_ThenAnnual_WritesThePdfEachTableAndReportJson()
    {
        await Ledger.Books.OpenAsync(factory);
        var json = Path.Combine(EInvoiceValidator.RepositoryRoot(), "src", "Partage.App", "Demo", "annual-report-2016.json");
        var (exit, output, error) = await CommandLineTests.PartageAsync(factory, "report", "history", "import", "--in", json);
        Assert.True(exit == 0, output + error);
        Assert.Contains("Historique chargé", output, StringComparison.Ordinal);

        var folder = Directory.CreateTempSubdirectory("partage-report-").FullName;
        (exit, output, error) = await CommandLineTests.PartageAsync(factory, "report", "annual", "--year", "2016", "--out", folder);
        Assert.True(exit == 0, output + error);
        Assert.True(File.Exists(Path.Combine(folder, "rapport-annuel-2016.pdf")));
        Assert.True(File.Exists(Path.Combine(folder, "invoicing_by_entity.xlsx")));
        Assert.Contains("Total;11419438;14729128;28,98", await File.ReadAllTextAsync(Path.Combine(folder, "invoicing_by_entity.csv")), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        var invoicing = report.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "invoicing_by_entity");
        Assert.Equal(28.98m, invoicing.GetProperty("total").GetProperty("progression").GetDecimal());

        (exit, _, error) = await CommandLineTests.PartageAsync(factory, "report", "history", "import", "--in", Path.Combine(folder, "absent.csv"));
        Assert.NotEqual(0, exit);
        Assert.Contains("n'existe pas", error, StringComparison.Ordinal);
    }
}
