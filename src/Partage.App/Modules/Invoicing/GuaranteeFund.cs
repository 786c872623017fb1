using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing;

public enum CoverStatus
{
    Covered,
    Recovered,
    WrittenOff,
}

/// <summary>An invoice the guarantee fund took over (ADR 0006): what was left to pay then, and what became of it.</summary>
public sealed class GuaranteeCover
{
    public Guid Id { get; init; }

    public InvoiceId InvoiceId { get; init; }

    public DateOnly CoveredOn { get; init; }

    public long AmountCents { get; init; }

    public CoverStatus Status { get; set; }

    public EntryId CoverEntryId { get; init; }

    public EntryId? WriteOffEntryId { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string CoveredBy { get; init; } = string.Empty;
}

internal sealed class GuaranteeCoverConfiguration : IEntityTypeConfiguration<GuaranteeCover>
{
    public void Configure(EntityTypeBuilder<GuaranteeCover> builder)
    {
        builder.ToTable("guarantee_covers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.CoveredBy).HasMaxLength(200);
        builder.HasIndex(c => c.InvoiceId).IsUnique();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record EligibleInvoice(InvoiceId Id, string Number, string Entity, string ClientName, DateOnly DueDate, int DaysLate, Money Remaining, bool OrderConfirmed);

public sealed record CoverView(InvoiceId InvoiceId, string Number, string Entity, string ClientName, string Office, DateOnly CoveredOn, Money Amount, CoverStatus Status, DateOnly? ClosedOn);

public sealed record FundSummary(IReadOnlyList<(string Entity, Money Balance, Money Exposure)> Entities, IReadOnlyList<(string Client, Money Exposure)> ByClient, IReadOnlyList<(string Office, Money Exposure)> ByOffice, IReadOnlyList<CoverView> History);

/// <summary>
/// The guarantee fund covers members against unpaid invoices. Cover moves what is left to pay of an
/// invoice from the client's account (and the activity's section) to doubtful receivables (416):
/// the activity's available money is whole again. A later payment settles the 416 and closes the
/// cover; a write-off posts the loss (654) and the VAT regularisation (44571, CGI art. 272), and the
/// fund (4671) bears the loss excl. VAT (791).
/// </summary>
public sealed class GuaranteeFund(
    PartageDbContext db, ILedgerApi ledger, IClientsApi clients, ILegalEntitiesApi entities, Offices.IOfficesApi offices, IAuditLog audit,
    IOptions<InvoicingOptions> options, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<EligibleInvoice>> EligibleAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var limit = Today.AddDays(-options.Value.GuaranteeFundDelayDays);
        var rows = await db.Set<Invoice>().AsNoTracking().Include(i => i.Payments)
            .Where(i => i.Kind == InvoiceKind.Invoice && InvoiceStatuses.AwaitingPayment.Contains(i.Status) && i.DueDate <= limit)
            .OrderBy(i => i.DueDate).Take(500).ToListAsync(ct);
        var codes = await CodesAsync(ct);
        var names = await clients.NamesAsync(rows.Select(i => i.ClientId).ToList(), ct);
        return rows.Select(i => new EligibleInvoice(i.Id, i.Number!, codes[i.LegalEntityId], names.GetValueOrDefault(i.ClientId, "?"), i.DueDate!.Value,
            Today.DayNumber - i.DueDate.Value.DayNumber, i.Remaining, i.PurchaseOrder is not null)).ToList();
    }

    public async Task CoverAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var invoice = await db.Set<Invoice>().Include(i => i.Payments).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        if (invoice.Kind != InvoiceKind.Invoice || !InvoiceStatuses.AwaitingPayment.Contains(invoice.Status))
        {
            throw new DomainException(InvoicingErrors.NotIssued);
        }

        var due = invoice.DueDate!.Value.AddDays(options.Value.GuaranteeFundDelayDays);
        if (Today < due)
        {
            throw new DomainException(InvoicingErrors.CoverTooEarly, $"Le fonds de garantie couvre une facture impayée {options.Value.GuaranteeFundDelayDays} jours après son échéance : pas avant le {due:dd/MM/yyyy}.");
        }

        if (invoice.PurchaseOrder is null)
        {
            throw new DomainException(InvoicingErrors.OrderNotConfirmed);
        }

        var client = await clients.FindAsync(invoice.ClientId, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var clientAccount = await InvoiceIssuer.ClientAccountAsync(ledger, invoice.LegalEntityId, client, ct);
        var remaining = invoice.Remaining;
        var shares = remaining.Allocate([invoice.NetCents, invoice.VatCents]);
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(invoice.LegalEntityId, ChartOfAccounts.DoubtfulClients, ct), Side.Debit, remaining, null, $"{client.Name} — {invoice.Number}"),
            new(clientAccount, Side.Credit, shares[0], invoice.ActivityId, "Reprise par le fonds de garantie (HT)"),
        };
        if (!shares[1].IsZero)
        {
            lines.Add(new PostingLine(clientAccount, Side.Credit, shares[1], null, "Reprise par le fonds de garantie (TVA)"));
        }

        var cover = await ledger.PostAsync(new PostEntryRequest(invoice.LegalEntityId, "OD", Today, $"Couverture par le fonds de garantie — {invoice.Number}", "guarantee_cover",
            invoice.Id.ToString(), $"guarantee:{invoice.Id}:cover", lines, invoice.Number), actor, ct);
        db.Add(new GuaranteeCover
        {
            Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, CoveredOn = Today, AmountCents = remaining.Cents, Status = CoverStatus.Covered, CoverEntryId = cover.Id, CoveredBy = actor.Name,
        });
        invoice.MarkCovered();
        audit.Record(actor, "invoicing.covered", "invoice", invoice.Id.ToString(), null, new { invoice.Number, RemainingCents = remaining.Cents });
        await db.SaveChangesAsync(ct);

        // The client's account is settled by the transfer to 416: its postings for this invoice are lettered.
        var postings = cover.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId).ToList();
        foreach (var entryId in invoice.Payments.Select(p => p.EntryId).Prepend(invoice.SaleEntryId!.Value))
        {
            postings.AddRange((await ledger.FindEntryAsync(entryId, ct))!.Lines.Where(l => l.AccountId == clientAccount).Select(l => l.PostingId));
        }

        await ledger.LetterAsync(invoice.LegalEntityId, postings, Today, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task WriteOffAsync(InvoiceId id, string? reason, Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var v = new Infrastructure.Validation();
        var why = v.Required("Reason", "Le motif", reason, 200);
        v.ThrowIfInvalid();
        var invoice = await db.Set<Invoice>().Include(i => i.Payments).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(InvoicingErrors.NotFound);
        var cover = await db.Set<GuaranteeCover>().SingleOrDefaultAsync(c => c.InvoiceId == id && c.Status == CoverStatus.Covered, ct);
        if (invoice.Status != InvoiceStatus.Covered || cover is null)
        {
            throw new DomainException(InvoicingErrors.NotCovered);
        }

        var remaining = invoice.Remaining;
        var shares = remaining.Allocate([invoice.NetCents, invoice.VatCents]);
        var e = invoice.LegalEntityId;
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(e, ChartOfAccounts.BadDebts, ct), Side.Debit, shares[0], null, $"Créance irrécouvrable {invoice.Number}"),
            new(await ledger.AccountAsync(e, ChartOfAccounts.DoubtfulClients, ct), Side.Credit, remaining, null, invoice.Number),
            new(await ledger.AccountAsync(e, ChartOfAccounts.GuaranteeFund, ct), Side.Debit, shares[0], null, "Perte prise en charge par le fonds de garantie"),
            new(await ledger.AccountAsync(e, ChartOfAccounts.ChargeTransfers, ct), Side.Credit, shares[0], null, "Perte prise en charge par le fonds de garantie"),
        };
        if (!shares[1].IsZero)
        {
            lines.Insert(1, new PostingLine(await ledger.AccountAsync(e, ChartOfAccounts.VatCollected, ct), Side.Debit, shares[1], null, "Régularisation de TVA (CGI art. 272)"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await ledger.PostAsync(new PostEntryRequest(e, "OD", Today, $"Passage en perte — {invoice.Number} : {why}", "guarantee_cover", invoice.Id.ToString(),
            $"guarantee:{invoice.Id}:write-off", lines, invoice.Number), actor, ct);
        cover.Status = CoverStatus.WrittenOff;
        cover.WriteOffEntryId = entry.Id;
        cover.ClosedOn = Today;
        invoice.MarkWrittenOff();
        audit.Record(actor, "invoicing.written_off", "invoice", invoice.Id.ToString(), null, new { invoice.Number, RemainingCents = remaining.Cents, Reason = why });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A payment arrived on a covered invoice (it settled the 416): closes the cover when nothing is left.</summary>
    internal async Task RecoveredAsync(Invoice invoice, CancellationToken ct)
    {
        if (invoice.Remaining.IsZero && await db.Set<GuaranteeCover>().SingleOrDefaultAsync(c => c.InvoiceId == invoice.Id && c.Status == CoverStatus.Covered, ct) is { } cover)
        {
            cover.Status = CoverStatus.Recovered;
            cover.ClosedOn = Today;
        }
    }

    public async Task<FundSummary> SummaryAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        var codes = await CodesAsync(ct);
        var covers = await (
                from c in db.Set<GuaranteeCover>()
                join i in db.Set<Invoice>() on c.InvoiceId equals i.Id
                orderby c.CoveredOn descending
                select new { c, i.Number, i.LegalEntityId, i.ClientId, i.OfficeId, Remaining = i.GrossCents - i.Payments.Sum(p => p.AmountCents) })
            .AsNoTracking().Take(1_000).ToListAsync(ct);
        var names = await clients.NamesAsync(covers.Select(c => c.ClientId).ToList(), ct);

        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var open = covers.Where(c => c.c.Status == CoverStatus.Covered).ToList();
        var perEntity = new List<(string, Money, Money)>();
        foreach (var (id, code) in codes)
        {
            perEntity.Add((code, -await ledger.BalanceAsync(id, ChartOfAccounts.GuaranteeFund, ct), Money.Eur(open.Where(c => c.LegalEntityId == id).Sum(c => c.Remaining))));
        }

        return new FundSummary(
            perEntity,
            open.GroupBy(c => names.GetValueOrDefault(c.ClientId, "?")).Select(g => (g.Key, Money.Eur(g.Sum(c => c.Remaining)))).OrderByDescending(x => x.Item2.Cents).ToList(),
            open.GroupBy(c => officeNames.GetValueOrDefault(c.OfficeId, "?")).Select(g => (g.Key, Money.Eur(g.Sum(c => c.Remaining)))).OrderByDescending(x => x.Item2.Cents).ToList(),
            covers.Select(c => new CoverView(c.c.InvoiceId, c.Number!, codes[c.LegalEntityId], names.GetValueOrDefault(c.ClientId, "?"), officeNames.GetValueOrDefault(c.OfficeId, "?"), c.c.CoveredOn,
                Money.Eur(c.c.AmountCents), c.c.Status, c.c.ClosedOn)).ToList());
    }

    private async Task<Dictionary<LegalEntityId, string>> CodesAsync(CancellationToken ct) => (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);

    private static void Require(Actor actor)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }
    }

    public static void Map(RouteGroupBuilder invoices, RouteGroupBuilder api)
    {
        invoices.MapPost("/{id:guid}/cover", async (Guid id, GuaranteeFund fund, ActorAccessor actors, CancellationToken ct) =>
            {
                await fund.CoverAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("CoverInvoice").WithSummary("Faire couvrir une facture impayée par le fonds de garantie (finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/write-off", async (Guid id, CreditNoteInput input, GuaranteeFund fund, ActorAccessor actors, CancellationToken ct) =>
            {
                await fund.WriteOffAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("WriteOffInvoice").WithSummary("Passer en perte une facture couverte (finance)").ProducesProblems();
        api.MapGet("/guarantee-fund", async (GuaranteeFund fund, ActorAccessor actors, CancellationToken ct) =>
            {
                var s = await fund.SummaryAsync(await actors.GetAsync(ct), ct);
                return new
                {
                    Entities = s.Entities.Select(e => new { e.Entity, e.Balance, e.Exposure }),
                    ByClient = s.ByClient.Select(c => new { c.Client, c.Exposure }),
                    ByOffice = s.ByOffice.Select(o => new { o.Office, o.Exposure }),
                    s.History,
                };
            })
            .WithTags("Factures").WithName("GuaranteeFund").WithSummary("Fonds de garantie : solde, exposition par client et bureau, historique (finance)").ProducesProblems();
    }
}
