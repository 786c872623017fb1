using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Partage.App.Modules.Invoicing.Features;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

/// <summary>The invoice list sorted by a column, either way, and exported whole as CSV or Excel; what does not exist is refused in words.</summary>
public sealed class InvoiceListTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Sorted_ByAmountEitherWay_UnknownOrderRefused_ExportedAsCsvAndExcel()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        foreach (var price in new[] { "120", "980", "455" })
        {
            await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", price, null)));
        }

        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        async Task<List<long>> AmountsAsync(string sort)
        {
            var page = JsonDocument.Parse(await member.GetStringAsync($"/api/v1/invoices?status=Issued&sort={sort}&pageSize=200")).RootElement;
            return page.GetProperty("items").EnumerateArray().Select(i => (long)(decimal.Parse(i.GetProperty("gross").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture) * 100)).ToList();
        }

        var up = await AmountsAsync("amount");
        Assert.True(up.Count >= 3);
        Assert.Equal(up.Order().ToList(), up);
        var down = await AmountsAsync("-amount");
        Assert.Equal(up.OrderDescending().ToList(), down);

        using var bogus = await member.GetAsync("/api/v1/invoices?sort=client");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Contains("Ce tri n'existe pas", await bogus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badStatus = await member.GetAsync("/api/v1/invoices?status=Perdue");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        var csv = await member.GetStringAsync("/api/v1/invoices/export.csv?status=Issued&sort=-amount");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("numero;type;statut;client;activite;emise_le;echeance;ttc;reste_du", lines[0]);
        Assert.Equal(down.Count, lines.Length - 1);
        Assert.EndsWith(string.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), $";{down[0] / 100m:0.00};{down[0] / 100m:0.00}"), lines[1], StringComparison.Ordinal);

        using var xlsx = await member.GetAsync("/api/v1/invoices/export.xlsx?status=Issued&sort=-amount");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = (await MiniExcel.QueryAsync(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(down.Count, rows.Count);
        Assert.Equal(down[0] / 100m, Convert.ToDecimal(rows[0]["ttc"], System.Globalization.CultureInfo.InvariantCulture));   // a number Excel adds up
        Assert.Equal("Émise", rows[0]["statut"]);

        // The page: headers sort, the current one says so to screen readers; an unknown order is told, the list still shown.
        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var sorted = WebUtility.HtmlDecode(await browser.GetStringAsync("/factures?sort=due"));
        Assert.Contains("<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/factures?sort=-due\">Échéance</a></th>", sorted, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/factures?sort=due&handler=Xlsx\">Excel (.xlsx)</a>", sorted, StringComparison.Ordinal);
        using var unknown = await browser.GetAsync("/factures?sort=nimporte");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Ce tri n'existe pas", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var download = await browser.GetAsync("/factures?status=Issued&handler=Csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("numero;", (await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}

/// <summary>The staff's other lists as Excel workbooks: the same rows as their CSV, amounts as numbers.</summary>
public sealed class SpreadsheetExportTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task MembersAndTrialBalance_AsExcel_SameRowsAsTheCsv()
    {
        var world = await OpenAsync(factory);
        await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 12_345);
        using var finance = await factory.ClientForAsync(World.Finance);
        static List<IDictionary<string, object>> Read(byte[] bytes) =>
            MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        var csv = (await finance.GetStringAsync("/api/v1/members/export.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var members = Read(await finance.GetByteArrayAsync("/api/v1/members/export.xlsx"));
        Assert.Equal(csv.Length - 1, members.Count);
        Assert.Equal(csv[0].Split(';'), members[0].Keys);
        Assert.DoesNotContain(members[0].Keys, k => k is "nir" or "iban");

        var year = $"entity=LNA&from={TestDates.Today.Year}-01-01&to={TestDates.Today.Year}-12-31";
        var balanceCsv = (await finance.GetStringAsync($"/api/v1/ledger/trial-balance.csv?{year}")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var balance = Read(await finance.GetByteArrayAsync($"/api/v1/ledger/trial-balance.xlsx?{year}"));
        Assert.Equal(balanceCsv.Length - 1, balance.Count);
        Assert.True(balance.Count > 0);
        Assert.All(balance, row => Assert.IsType<double>(row["debit"]));   // numbers, not text
        Assert.Equal(balance.Sum(r => (decimal)(double)r["debit"]), balance.Sum(r => (decimal)(double)r["credit"]), 2);

        using var browser = await factory.SignedInBrowserAsync(World.Finance);
        using var page = await browser.GetAsync("/membres/export.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/membres/export.pdf")).StatusCode);
        using var books = await browser.GetAsync($"/comptabilite?handler=BalanceXlsx&{year}");
        Assert.Equal(HttpStatusCode.OK, books.StatusCode);
    }
}

/// <summary>The member's usual lines: kept by themselves from their invoices, the most used first, added to a draft in one choice.</summary>
public sealed class UsualLinesTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task MostUsedFirst_AddedInOneChoice_NoneForStaff()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        foreach (var lines in new[] { new[] { ("Cours de guitare", "2", "HUR", "40") }, [("Cours de guitare", "3", "HUR", "40"), ("Partitions", "1", "C62", "12.5")] })
        {
            await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, [.. lines.Select(l => (l.Item1, l.Item2, l.Item3, l.Item4, (string?)null))]), member);
        }

        var usual = await factory.InScopeAsync(s => s.GetRequiredService<ListUsualLines>().HandleAsync(member));
        var guitar = usual[0];
        Assert.Equal(("Cours de guitare", "HUR", 40m), (guitar.Description, guitar.Unit, guitar.UnitPrice));
        Assert.True(guitar.Uses >= 2);
        Assert.Contains(usual, u => u.Description == "Partitions" && u.UnitPrice == 12.5m);
        Assert.Equal("Cours de guitare — 40,00 € HT l'heure", guitar.Label);
        Assert.Empty(await factory.InScopeAsync(s => s.GetRequiredService<ListUsualLines>().HandleAsync(Partage.App.Security.Actor.System)));

        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var page = await browser.GetStringAsync("/factures/nouvelle");
        Assert.Contains(">Cours de guitare — 40,00 € HT l&#x27;heure</option>", page, StringComparison.Ordinal);
        var fields = BrowserForms.HiddenFields(page);
        fields["Input.ActivityId"] = world.LilleActivity.ToString();
        fields["UsualLine"] = "0";
        using var added = await browser.PostAsync("/factures/nouvelle?handler=AddUsualLine", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        Assert.Matches("name=\"Input.Lines\\[0\\].Description\" value=\"Cours de guitare\"", html);
        Assert.Matches("name=\"Input.Lines\\[0\\].UnitPrice\" value=\"40\"", html);
    }
}
