using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Invoicing.BankStatementTests;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

public static class BankStatementTests
{
    public const string Iban = "FR7630006000011234567890189";

    public sealed record Credit(decimal Amount, string? Rf = null, string? Text = null, string Debtor = "Client", bool Debit = false);

    /// <summary>A camt.053 statement as banks send them, in version .001.02 or .001.08.</summary>
    public static string Camt(string version, string statementId, params Credit[] credits) => Camt(TestDates.Today, version, statementId, credits);

    /// <summary>The statement of the day before <paramref name="today"/>, sent on its morning.</summary>
    public static string Camt(DateOnly today, string version, string statementId, params Credit[] credits)
    {
        var v08 = version == "08";
        var booked = TestDates.Text(today.AddDays(-1));
        var entries = new StringBuilder();
        foreach (var (c, i) in credits.Select((c, i) => (c, i)))
        {
            var remittance = c.Rf is not null ? $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{c.Rf}</Ref></CdtrRefInf></Strd>" : $"<Ustrd>{c.Text}</Ustrd>";
            var amount = c.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            entries.Append(CultureInfo.InvariantCulture, $"""
                <Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{(c.Debit ? "DBIT" : "CRDT")}</CdtDbtInd>{(v08 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>")}
                <BookgDt><Dt>{booked}</Dt></BookgDt><ValDt><Dt>{booked}</Dt></ValDt><AcctSvcrRef>{statementId}-{i + 1}</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i + 1}</EndToEndId></Refs>{(v08 ? $"<Amt Ccy=\"EUR\">{amount}</Amt>" : $"<AmtDtls><TxAmt><Amt Ccy=\"EUR\">{amount}</Amt></TxAmt></AmtDtls>")}
                <RltdPties><Dbtr>{(v08 ? $"<Pty><Nm>{c.Debtor}</Nm></Pty>" : $"<Nm>{c.Debtor}</Nm>")}</Dbtr></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>
                """);
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">
            <BkToCstmrStmt><GrpHdr><MsgId>MSG-{statementId}</MsgId><CreDtTm>{TestDates.Text(today)}T06:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>{statementId}</Id><CreDtTm>{TestDates.Text(today)}T06:00:00</CreDtTm><Acct><Id><IBAN>{Iban}</IBAN></Id></Acct>
            {entries}
            </Stmt></BkToCstmrStmt></Document>
            """;
    }

    public static Task<StatementImport> ImportAsync(PartageFactory factory, string xml, string entity = "LNA") =>
        factory.InScopeAsync(s => s.GetRequiredService<ImportBankStatement>().HandleAsync(entity, new MemoryStream(Encoding.UTF8.GetBytes(xml)), Actor.System));
}

/// <summary>Bank statements read, matched and posted, on SQLite and PostgreSQL.</summary>
public abstract class BankStatementTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private async Task<InvoiceView> InvoiceAsync(int net)
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        return await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Prestation", "1", "C62", net.ToString(CultureInfo.InvariantCulture), "FR_20")));
    }

    private Task<InvoiceView> ReadAsync(InvoiceId id) => factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(id, Actor.System));

    private Task<long> SuspenseBalanceAsync() => factory.InScopeAsync(async s =>
    {
        var detail = await s.GetRequiredService<GetAccountDetail>().HandleAsync("LNA", ChartOfAccounts.Suspense, "2026-01-01", TestDates.Text(TestDates.Today.AddYears(1)), Actor.System);
        return -detail.Closing.Cents;
    });

    [Theory]
    [InlineData("02")]
    [InlineData("08")]
    public async Task Import_MatchesByReferenceAndNumbers_RestWaits_SecondImportChangesNothing(string version)
    {
        var a = await InvoiceAsync(1_000);   // 1,200.00 incl. VAT
        var b = await InvoiceAsync(500);     // 600.00
        var c = await InvoiceAsync(250);     // 300.00
        var d = await InvoiceAsync(500);     // 600.00
        var e = await InvoiceAsync(200);     // 240.00
        var suspenseBefore = await SuspenseBalanceAsync();
        var id = $"STMT-{version}-{Guid.NewGuid():N}"[..30];
        var xml = Camt(version, id,
            new Credit(1_200m, Rf: a.PaymentReference!.Insert(4, " ")),
            new Credit(900m, Text: $"Factures {b.Number} et {c.Number}"),
            new Credit(200m, Text: $"acompte {d.Number!.ToLowerInvariant()}"),
            new Credit(290m, Text: $"Règlement {e.Number}"),
            new Credit(80m, Text: "Don sans référence", Debtor: "Inconnu"),
            new Credit(35m, Text: "Frais bancaires", Debit: true));

        var first = await ImportAsync(factory, xml);
        Assert.Equal((false, 5, 3, 1, 1, 1), (first.AlreadyImported, first.Credits, first.Matched, first.PartlyMatched, first.Unmatched, first.Ignored));
        Assert.Equal(InvoiceStatus.Paid, (await ReadAsync(a.Id)).Status);
        Assert.Equal(InvoiceStatus.Paid, (await ReadAsync(b.Id)).Status);
        Assert.Equal(InvoiceStatus.Paid, (await ReadAsync(c.Id)).Status);
        Assert.Equal(Money.Eur(40_000), (await ReadAsync(d.Id)).Remaining);
        Assert.Equal(InvoiceStatus.Paid, (await ReadAsync(e.Id)).Status);
        Assert.Equal(suspenseBefore + 5_000 + 8_000, await SuspenseBalanceAsync());   // 50.00 overpaid + 80.00 unknown

        var entries = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync());
        var second = await ImportAsync(factory, xml);
        Assert.True(second.AlreadyImported);
        Assert.Equal(first with { AlreadyImported = true }, second);
        Assert.Equal(entries, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync()));

        // Finance matches the unknown 80.00 to D by hand: it leaves 471 for D's client account.
        var waiting = await factory.InScopeAsync(s => s.GetRequiredService<ListUnmatchedBankLines>().HandleAsync(new(1, 200), Actor.System));
        var unknown = waiting.Items.Single(l => l.BankReference == $"{id}-5");
        await factory.InScopeAsync(s => s.GetRequiredService<MatchBankLine>().HandleAsync(unknown.Id, new MatchInput(d.Number, null), Actor.System));
        Assert.Equal(Money.Eur(32_000), (await ReadAsync(d.Id)).Remaining);
        Assert.Equal(suspenseBefore + 5_000, await SuspenseBalanceAsync());
        Assert.True((await factory.InScopeAsync(s => s.GetRequiredService<CheckBooks>().HandleAsync("LNA"))).IsBalanced);
    }

    [Fact]
    public async Task Import_BadFiles_ClearMessages_NothingWritten()
    {
        await OpenAsync(factory);
        async Task<string> Refused(string content)
        {
            var error = await Assert.ThrowsAsync<InputValidationException>(() => ImportAsync(factory, content));
            return error.Errors["File"][0];
        }

        Assert.StartsWith("Le fichier n'est pas un XML lisible", await Refused("<Document><oops>"), StringComparison.Ordinal);
        Assert.Equal("Seuls les relevés ISO 20022 camt.053.001.02 et camt.053.001.08 sont acceptés.",
            await Refused("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"/>"""));
        Assert.StartsWith("Ce relevé concerne le compte FR1420041010050500013M02606", await Refused(Camt("02", "X1", new Credit(10m)).Replace(BankStatementTests.Iban, "FR1420041010050500013M02606", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("Montant illisible dans le relevé : « 12,50 ».", await Refused(Camt("08", "X2", new Credit(10m)).Replace("10.00", "12,50", StringComparison.Ordinal)));
        Assert.Equal(0, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<BankStatement>().CountAsync(st => st.StatementId.StartsWith("X"))));
    }

    [Fact]
    public async Task Upload_OverHttp_FinanceOnly()
    {
        await OpenAsync(factory);
        using var finance = await factory.ClientForAsync(World.Finance);
        MultipartFormDataContent Form(string id)
        {
            var form = new MultipartFormDataContent { { new StringContent("LNA"), "entity" } };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Camt("08", id, new Credit(42m, Text: "Inconnu"))));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            form.Add(file, "file", "releve.xml");
            return form;
        }

        using var ok = await finance.PostAsync("/api/v1/bank-statements", Form($"HTTP-{Guid.NewGuid():N}"[..20]));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        using var refused = await member.PostAsync("/api/v1/bank-statements", Form("HTTP-MEMBER"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class SqliteBankStatementTests(PartageFactory factory) : BankStatementTests<PartageFactory>(factory);

public sealed class PostgresBankStatementTests(PostgresFactory factory) : BankStatementTests<PostgresFactory>(factory);
