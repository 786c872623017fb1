using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>An imported statement and what its receipts became: matched at import or since, in part, or still waiting.</summary>
public sealed record StatementSummary(
    Guid Id, string Entity, string StatementId, string Iban, DateTime ImportedAt, string ImportedBy, int Receipts, Money Total, int Matched, int PartlyMatched, int Waiting, Money StillWaiting);

/// <summary>A receipt of a statement, as it stands.</summary>
public sealed record StatementLineView(Guid Id, int Position, DateOnly BookingDate, Money Amount, Money Unmatched, string? DebtorName, string? Reference, BankLineStatus Status, string BankReference);

public sealed record StatementDetail(StatementSummary Statement, IReadOnlyList<StatementLineView> Lines);

/// <summary>Finance's history of imported bank statements, newest first, each with its receipts and their state.</summary>
public sealed class ListBankStatements(PartageDbContext db, ILegalEntitiesApi entities)
{
    public async Task<PagedResult<StatementSummary>> HandleAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var statements = await db.Set<BankStatement>().AsNoTracking().OrderByDescending(s => s.ImportedAt).ThenByDescending(s => s.Id).ToPageAsync(page, ct);
        var summaries = await SummariesAsync(statements.Items, ct);
        return new PagedResult<StatementSummary>(summaries, statements.Page, statements.PageSize, statements.Total);
    }

    public async Task<StatementDetail> DetailAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var statement = await db.Set<BankStatement>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var lines = await db.Set<BankStatementLine>().AsNoTracking().Where(l => l.StatementId == id).OrderBy(l => l.Position).ToListAsync(ct);
        return new StatementDetail((await SummariesAsync([statement], ct))[0], lines.Select(l => new StatementLineView(
            l.Id, l.Position, l.BookingDate, Money.Eur(l.AmountCents), l.Unmatched, l.DebtorName, l.CreditorReference ?? l.Remittance, l.Status, l.BankReference)).ToList());
    }

    private static void Require(Actor actor)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }
    }

    private async Task<IReadOnlyList<StatementSummary>> SummariesAsync(IReadOnlyList<BankStatement> statements, CancellationToken ct)
    {
        var ids = statements.Select(s => s.Id).ToList();
        var lines = (await db.Set<BankStatementLine>().AsNoTracking().Where(l => ids.Contains(l.StatementId))
            .Select(l => new { l.StatementId, l.AmountCents, l.UnmatchedCents, l.Status }).ToListAsync(ct)).ToLookup(l => l.StatementId);
        var codes = await entities.CodesAsync(ct);
        return statements.Select(s =>
        {
            var of = lines[s.Id].ToList();
            return new StatementSummary(s.Id, codes[s.LegalEntityId], s.StatementId, s.Iban, s.ImportedAt, s.ImportedBy, of.Count, Money.Eur(of.Sum(l => l.AmountCents)),
                of.Count(l => l.Status == BankLineStatus.Matched), of.Count(l => l.Status == BankLineStatus.PartlyMatched), of.Count(l => l.Status == BankLineStatus.Unmatched),
                Money.Eur(of.Sum(l => l.UnmatchedCents)));
        }).ToList();
    }

    public static void Map(RouteGroupBuilder statements)
    {
        statements.MapGet("/", async (int? page, int? pageSize, ListBankStatements handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListBankStatements").WithSummary("Relevés importés, les plus récents d'abord, avec le sort de leurs encaissements (finance)").ProducesProblems();
        statements.MapGet("/{id:guid}", async (Guid id, ListBankStatements handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.DetailAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetBankStatement").WithSummary("Un relevé importé et chacun de ses encaissements (finance)").ProducesProblems();
    }
}
