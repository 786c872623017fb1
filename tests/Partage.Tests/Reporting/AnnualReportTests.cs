using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Reporting;
using Partage.App.Modules.Reporting.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;

namespace Partage.Tests.Reporting;

/// <summary>
/// The 2016 report loaded as history and computed back: every printed total and progression is recomputed, and where the
/// printed report's own arithmetic is wrong the test names each printed figure that differs and why.
/// </summary>
public sealed class AnnualReportTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    private static readonly string Report2016 = Path.Combine(EInvoiceValidator.RepositoryRoot(), "src", "Partage.App", "Demo", "annual-report-2016.json");

    /// <summary>Printed figures of the 2016 report (table, row, what, printed value), from annual-report-2016.json, and the printed precision.</summary>
    private static readonly (string Table, string Row, string What, decimal Printed, int Decimals)[] Printed =
    [
        ("invoicing_by_entity", "Total", "2015", 11_419_438m, 0), ("invoicing_by_entity", "Total", "2016", 14_729_128m, 0),
        ("invoicing_by_entity", "Scic Smart", "progression", 30.20m, 2), ("invoicing_by_entity", "Scop Grandsensemble", "progression", 26.54m, 2),
        ("invoicing_by_entity", "Total", "progression", 28.98m, 2),
        ("new_members_by_entity", "Total", "2015", 2535m, 0), ("new_members_by_entity", "Total", "2016", 2784m, 0),
        ("new_members_by_entity", "Scic Smart", "progression", 9.24m, 2), ("new_members_by_entity", "Scop Grandsensemble", "progression", 15.90m, 2),
        ("new_members_by_entity", "Total", "progression", 9.82m, 2),
        ("members_by_entity", "Total", "2015", 9545m, 0), ("members_by_entity", "Total", "2016", 11789m, 0),
        ("members_by_entity", "Scic Smart", "progression", 27.47m, 2), ("members_by_entity", "Scop Grandsensemble", "progression", -29.08m, 2),
        ("members_by_entity", "Total", "progression", 21.66m, 2),
        ("projects_revenue_by_module", "Total", "2013", 3_482_759m, 0), ("projects_revenue_by_module", "Total", "2014", 4_135_672m, 0),
        ("projects_revenue_by_module", "Total", "2015", 5_841_825m, 0), ("projects_revenue_by_module", "Total", "2016", 7_944_151m, 0),
        ("projects_revenue_by_module", "production de projets", "progression", 88m, 0), ("projects_revenue_by_module", "production de spectacles", "progression", 33m, 0),
        ("projects_revenue_by_module", "audiovisuel", "progression", 65m, 0), ("projects_revenue_by_module", "Total", "progression", 36m, 0),
        ("cms_revenue", "Gestion de contrats", "progression", 11m, 0),
        ("shareholders_by_category", "Total", "2016", 1744m, 0),
        ("members_by_gender", "Total", "2016", 100m, 0), ("members_by_age", "Total", "2016", 100m, 0), ("members_by_office", "Total", "2016", 100m, 0),
        ("live_contracts_by_trade", "Total", "2016", 100m, 0), ("other_contracts_by_trade", "Total", "2016", 100m, 0),
        ("cms_clients_by_office", "Total", "2016", 100m, 0), ("cms_clients_by_sector", "Total", "2016", 100m, 0),
        ("cms_clients_by_legal_form", "Total", "2016", 100m, 0), ("cms_mandate_type", "Total", "2016", 100m, 0), ("cms_clients_active", "Total", "2016", 100m, 0),
    ];

    [Fact]
    public async Task Report2016_FromItsHistory_ComputesEveryTotalAndProgression_AndNamesThePrintedFiguresThatDiffer()
    {
        var finance = await factory.ActorAsync(World.Finance);
        var loaded = await factory.InScopeAsync(async s => await s.GetRequiredService<ImportHistory>().HandleAsync("annual-report-2016.json", await File.ReadAllBytesAsync(Report2016), finance));
        Assert.Contains(2013, loaded.Years);
        Assert.False(await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<HistoryFigure>().AnyAsync(f => f.Row == "total")));   // printed totals are not loaded

        var report = await factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(2016, null, null, finance));
        var differ = new List<string>();
        foreach (var (table, row, what, printed, decimals) in Printed)
        {
            var t = report.Tables.Single(x => x.Code == table);
            var r = row == "Total" ? t.Total! : t.Rows.Single(x => x.Label == row);
            var computed = what == "progression" ? r.Progression!.Value : r.Values[t.Years.ToList().IndexOf(int.Parse(what, CultureInfo.InvariantCulture))]!.Value;
            if (Rounding.ToDecimals(computed, decimals) != printed)
            {
                differ.Add($"{table} / {row} / {what}: printed {printed}, computed {computed.ToString("0.##", CultureInfo.InvariantCulture)}");
            }
        }

        // The report's own arithmetic (annual-report-2016.json, known_discrepancies), and one rounding the printed report truncated.
        Assert.Equal(
        [
            "new_members_by_entity / Scop Grandsensemble / progression: printed 15.90, computed 15.91",   // 255 / 220 − 1 = 15.909 %: the printed report truncates
            "members_by_entity / Scic Smart / progression: printed 27.47, computed 29.53",               // printed = 10918 / 8565 − 1: members without employers over all
            "members_by_entity / Total / progression: printed 21.66, computed 23.51",
            "projects_revenue_by_module / production de spectacles / progression: printed 33, computed 19.81",
            "cms_clients_by_sector / Total / 2016: printed 100, computed 105",                            // the printed shares add up to 105 %
        ], differ);

        // The whole report as a PDF: cover, contents naming each table's page, the tables, their charts.
        var pdf = AnnualReportPdf.Write(report, ReportCharts.Png);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "rapport-annuel-2016.pdf"), pdf);
        var text = Poppler.Text(pdf);
        Assert.Contains("Sommaire", text, StringComparison.Ordinal);
        Assert.Matches(@"Facturation par structure \(HT\) — page [3-9]", text);
        Assert.Contains("14 729 128", text.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("<svg", ReportCharts.Svg(report.Tables.Single(t => t.Code == "invoicing_by_entity"))!, StringComparison.Ordinal);
        Assert.Null(ReportCharts.Svg(report.Tables.Single(t => t.Code == "network")));   // a list of three counts: no chart
    }

    [Fact]
    public void Tables_TotalIsTheSumOfTheirRows_ProgressionRecomputesFromItsTwoYears()
    {
        var random = new Random(2016);
        var definition = new TableDefinition("t", "T", "Ligne", FigureKind.Amount, HasTotal: true);
        for (var run = 0; run < 500; run++)
        {
            var years = Enumerable.Range(2010 + random.Next(0, 5), random.Next(2, 6)).ToList();
            var rows = Enumerable.Range(0, random.Next(1, 12)).Select(i => $"r{i}").ToList();
            var figures = rows.SelectMany(r => years.Select(y => (r, y))).Where(_ => random.Next(0, 10) > 0)
                .ToDictionary(k => k, _ => (decimal)random.NextInt64(0, 10_000_000_000) / 100m);
            var table = ReportFigures.Build(definition, years, rows, figures, years.ToDictionary(y => y, _ => "test"));

            for (var i = 0; i < years.Count; i++)
            {
                var complete = rows.All(r => figures.ContainsKey((r, years[i])));
                Assert.Equal(complete ? rows.Sum(r => figures[(r, years[i])]) : null, table.Total!.Values[i]);
            }

            foreach (var row in table.Rows.Append(table.Total!))
            {
                var (now, before) = (row.Values[^1], row.Values[^2]);
                var expected = now is null || before is null or 0 ? (decimal?)null : decimal.Round((now.Value / before.Value - 1) * 100, 2, MidpointRounding.AwayFromZero);
                Assert.Equal(expected, row.Progression);
            }
        }
    }

    [Fact]
    public async Task HistoryCsv_BadLinesAreNamed_AndNothingIsLoaded_GoodFileLoadsAndReplaces()
    {
        var finance = await factory.ActorAsync(World.Finance);
        var bad = "table;row;year;value;scope\ninvoicing_by_entity;Scic Smart;2012;1 000,50;\nnope;X;2012;1;\ninvoicing_by_entity;;2012;1;\ninvoicing_by_entity;Scop;12;1;\ninvoicing_by_entity;Scop;2012;beaucoup;\n"u8.ToArray();
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<ImportHistory>().HandleAsync("h.csv", bad, finance)));
        Assert.Equal(["Ligne 3 : le tableau « nope » n'existe pas.", "Ligne 4 : le libellé de la ligne est vide ou dépasse 120 caractères.",
            "Ligne 5 : l'année est un nombre de 1900 à 2100.", $"Ligne 6 : la valeur est un nombre d'au plus {HistoryFiles.MaxValue:N0}."], refused.Errors["File"]);
        Assert.False(await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<HistoryFigure>().AnyAsync(f => f.Year == 2012)));

        var good = "table;row;year;value;scope\ninvoicing_by_entity;Scic Smart;2012;1 000,50;\ninvoicing_by_entity;Scic Smart;2011;800;\n"u8.ToArray();
        Assert.Equal(2, (await factory.InScopeAsync(s => s.GetRequiredService<ImportHistory>().HandleAsync("h.csv", good, finance))).Added);
        var again = "table;row;year;value;scope\ninvoicing_by_entity;Scic Smart;2012;1100;\n"u8.ToArray();
        Assert.Equal(1, (await factory.InScopeAsync(s => s.GetRequiredService<ImportHistory>().HandleAsync("h.csv", again, finance))).Replaced);
        var report = await factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(2012, null, null, finance));
        var row = report.Tables.Single(t => t.Code == "invoicing_by_entity").Rows.Single(r => r.Label == "Scic Smart");
        Assert.Equal((800m, 1100m, 37.5m), (row.Values[0]!.Value, row.Values[1]!.Value, row.Progression!.Value));
    }

    [Fact]
    public async Task ThePlatformsYear_IsComputedFromItsInvoices_AManagerSeesTheirOfficeOnly_AMemberNothing()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1234.56", null)));
        var finance = await factory.ActorAsync(World.Finance);
        var year = factory.Today.Year;

        var group = await factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(year, "LNA", null, finance));
        var invoiced = group.Tables.Single(t => t.Code == "invoicing_by_entity");
        Assert.True(invoiced.Rows.Single().Values[^1] >= 1234.56m, $"LNA's invoicing of {year}: {invoiced.Rows.Single().Values[^1]}");
        Assert.Equal("calculé par Partage", invoiced.Sources[year]);

        var manager = await factory.ActorAsync(World.LilleManager);
        var theirs = await factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(year, null, world.Paris, manager));
        Assert.Equal(world.Lille, theirs.Office);   // asked for Paris, given Lille
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        Assert.Equal(ReportingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() =>
            factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(year, null, null, member)))).Error);
        Assert.Equal(ReportingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() =>
            factory.InScopeAsync(s => s.GetRequiredService<ImportHistory>().HandleAsync("h.csv", "x"u8.ToArray(), manager)))).Error);
    }
}
