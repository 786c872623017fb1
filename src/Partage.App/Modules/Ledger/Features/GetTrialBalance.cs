using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record TrialBalanceRow(string Number, string? AuxiliaryCode, string Label, Money Debit, Money Credit)
{
    public Money Balance => Debit - Credit;
}

public sealed record TrialBalance(string Entity, DateOnly From, DateOnly To, IReadOnlyList<TrialBalanceRow> Rows)
{
    public Money TotalDebit => Rows.Select(r => r.Debit).Sum(Currency.Eur);

    public Money TotalCredit => Rows.Select(r => r.Credit).Sum(Currency.Eur);
}

/// <summary>The trial balance of an entity over any period (finance staff), and its CSV.</summary>
public sealed class GetTrialBalance(PartageDbContext db, LedgerEntities codes)
{
    public async Task<TrialBalance> HandleAsync(string entityCode, string? from, string? to, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        var (entity, start, end) = await codes.RangeAsync(entityCode, from, to, ct);
        var rows = await (
                from p in db.Set<Posting>()
                join e in db.Set<JournalEntry>() on p.EntryId equals e.Id
                where e.LegalEntityId == entity && e.AccountingDate >= start && e.AccountingDate <= end
                group p by new { p.AccountId, p.Side } into g
                select new { g.Key.AccountId, g.Key.Side, Total = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.AccountId).Distinct().ToList();
        var accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var balance = rows.GroupBy(r => r.AccountId).Select(g =>
            {
                var a = accounts[g.Key];
                return new TrialBalanceRow(a.Number, a.AuxiliaryCode, a.AuxiliaryLabel ?? a.Label,
                    Money.Eur(g.Where(r => r.Side == Side.Debit).Sum(r => r.Total)), Money.Eur(g.Where(r => r.Side == Side.Credit).Sum(r => r.Total)));
            })
            .OrderBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.AuxiliaryCode, StringComparer.Ordinal)
            .ToList();
        return new TrialBalance(entityCode.Trim().ToUpperInvariant(), start, end, balance);
    }


    private static readonly string[] Headers = ["compte", "compte_auxiliaire", "libelle", "debit", "credit", "solde"];

    public static Task WriteCsvAsync(TrialBalance balance, Stream output, CancellationToken ct) => SpreadsheetCsv.WriteAsync(output, Headers, Rows(balance), ct);

    /// <summary>The same as an Excel workbook, amounts as numbers.</summary>
    public static Task WriteXlsxAsync(TrialBalance balance, Stream output, CancellationToken ct) => SpreadsheetXlsx.WriteAsync(output, "Balance", Headers, Rows(balance), ct);

    private static IEnumerable<IReadOnlyList<string?>> Rows(TrialBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return balance.Rows.Select(r => new[] { r.Number, r.AuxiliaryCode, r.Label, SpreadsheetCsv.Amount(r.Debit), SpreadsheetCsv.Amount(r.Credit), SpreadsheetCsv.Amount(r.Balance) });
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/trial-balance", async (string? entity, string? from, string? to, GetTrialBalance reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.HandleAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct))
            .WithName("TrialBalance").WithSummary("Balance générale d'une période").ProducesValidationProblem();
        ledger.MapGet("/trial-balance.csv", async (string? entity, string? from, string? to, GetTrialBalance reports, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var balance = await reports.HandleAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=balance-{balance.Entity}-{balance.From:yyyyMMdd}-{balance.To:yyyyMMdd}.csv";
                await GetTrialBalance.WriteCsvAsync(balance, http.Response.Body, ct);
            })
            .WithName("TrialBalanceCsv").WithSummary("Balance générale en CSV");
        ledger.MapGet("/trial-balance.xlsx", async (string? entity, string? from, string? to, GetTrialBalance reports, ActorAccessor actors, CancellationToken ct) =>
            {
                var balance = await reports.HandleAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct);
                var buffer = new MemoryStream();
                await GetTrialBalance.WriteXlsxAsync(balance, buffer, ct);
                return Results.File(buffer.ToArray(), SpreadsheetXlsx.ContentType, $"balance-{balance.Entity}-{balance.From:yyyyMMdd}-{balance.To:yyyyMMdd}.xlsx");
            })
            .WithName("TrialBalanceXlsx").WithSummary("Balance générale en classeur Excel").Produces(200, contentType: SpreadsheetXlsx.ContentType).ProducesValidationProblem();
    }
}
