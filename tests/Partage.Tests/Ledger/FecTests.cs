using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ledger;

public class FecTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Fec_YearWithOpeningSaleAndPayment_PassesTheDgfipChecks()
    {
        var world = await OpenAsync(factory);
        var key = Guid.NewGuid().ToString("N");
        await factory.InScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<ILedgerApi>();
            var client = await ledger.AuxiliaryAccountAsync(Scic, "411", "C000042", "Théâtre du Nord | Lille", "client", Guid.NewGuid());
            var bank = await ledger.AccountAsync(Scic, "512");
            // Opening balances (AN) are posted last but must come first in the file.
            await ledger.PostAsync(new PostEntryRequest(Scic, "VT", D(5, 4), "Facture F-7\tconcert", "invoice", "F-7", key + "sale", [
                new PostingLine(client, Side.Debit, Money.Eur(120_000), world.LilleActivity),
                new PostingLine(await ledger.AccountAsync(Scic, "706"), Side.Credit, Money.Eur(100_000), world.LilleActivity),
                new PostingLine(await ledger.AccountAsync(Scic, "44571"), Side.Credit, Money.Eur(20_000)),
            ], "F-2026-0007"), Actor.System);
            await ledger.PostAsync(new PostEntryRequest(Scic, "BQ", D(5, 30), "Virement Théâtre du Nord", "payment", "P-1", key + "pay", [
                new PostingLine(bank, Side.Debit, Money.Eur(120_000)),
                new PostingLine(client, Side.Credit, Money.Eur(120_000)),
            ]), Actor.System);
            await s.GetRequiredService<PartageDbContext>().SaveChangesAsync();
            await ledger.PostAsync(new PostEntryRequest(Scic, "AN", D(1, 1), "À-nouveaux 2026", "opening", "2026", key + "an", [
                new PostingLine(bank, Side.Debit, Money.Eur(5_000_000)),
                new PostingLine(await ledger.AccountAsync(Scic, "106"), Side.Credit, Money.Eur(5_000_000)),
            ]), Actor.System);
            return 0;
        });

        var (name, bytes) = await factory.InScopeAsync(async s =>
        {
            var fec = s.GetRequiredService<FecExport>();
            var file = await fec.PrepareAsync("SCIC", 2026, Actor.System);
            using var buffer = new MemoryStream();
            await fec.WriteAsync(file, buffer);
            return (file.FileName, buffer.ToArray());
        });

        Assert.Equal("900000001FEC20261231.txt", name);
        var result = FecChecker.Check(name, bytes);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n");
        Assert.StartsWith("AN\tÀ-nouveaux\t1\t20260101\t512\tBanque", lines[1], StringComparison.Ordinal);
        var saleLine = lines.Single(l => l.Contains("C000042", StringComparison.Ordinal) && l.Contains("\tVT\t", StringComparison.Ordinal) == false && l.StartsWith("VT", StringComparison.Ordinal));
        Assert.Contains("\t411\tClients\tC000042\tThéâtre du Nord   Lille\tF-2026-0007\t20260504\tFacture F-7 concert\t1200,00\t0,00\t", saleLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fec_UnknownYear_RefusedClearly()
    {
        await OpenAsync(factory);
        var error = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<FecExport>().PrepareAsync("SCIC", 2019, Actor.System)));
        Assert.Equal("ledger.no_fiscal_year", error.Error.Code);
    }
}
