using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record CollectInstalmentsInput(string? Date = null);

public sealed record DirectDebitFileView(Guid Id, string MessageId, DateOnly CreatedOn, DateOnly CollectionOn, int Count, Money Total);

public sealed record CollectionResult(DateOnly Date, int Prenotified, int FromBudget, int DirectDebited, int Unpaid, IReadOnlyList<DirectDebitFileView> Files)
{
    public string Summary => $"{French.Count(FromBudget, "échéance prise")} sur les budgets, {French.Count(DirectDebited, "échéance prélevée")} sur les comptes des membres, "
        + $"{French.Count(Unpaid, "échéance impayée")}, {French.Count(Prenotified, "préavis envoyé")}, {French.Count(Files.Count, "fichier")} de prélèvement";
}

/// <summary>
/// The day's collection of the lease instalments, daily by the scheduler and by hand (<c>partage leases collect</c>, the API,
/// the finance page), in one transaction: first the SEPA pre-notifications (<see cref="LeaseCollection.PrenotifyAsync"/>),
/// then every instalment due by that day and not collected — from the activity's budget when its available money covers
/// it, otherwise by direct debit on the member's account when a mandate is signed and the member was told in time,
/// otherwise into the lease's arrears (retried from the budget every day after). The debits of each entity make one
/// pain.008 file, kept. A rerun finds nothing left to collect; two runs at once conflict on the leases' versions.
/// </summary>
public sealed class CollectInstalments(PartageDbContext db, LeaseCollection collection, ILegalEntitiesApi entities, NumberSeries numbers, IOptions<LeasingOptions> options, IAuditLog audit, TimeProvider clock)
{
    public async Task<CollectionResult> HandleAsync(CollectInstalmentsInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LeasingAccess.RequireFinance(actor);
        var today = clock.Today();
        var v = new Validation();
        var date = string.IsNullOrWhiteSpace(input.Date) ? today : v.Date(nameof(input.Date), "La date de collecte", input.Date, required: true);
        if (date > today)
        {
            v.Add(nameof(input.Date), "On ne collecte pas une échéance avant son jour : la date est aujourd'hui ou passée.");
        }

        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var prenotified = await collection.PrenotifyAsync(date!.Value, actor, ct);
        var outcome = await collection.CollectAsync(date.Value, actor, ct);
        var files = new List<DirectDebitFile>();
        foreach (var group in outcome.Debits.GroupBy(d => d.Lease.LegalEntityId))
        {
            files.Add(await FileAsync(group.Key, date.Value, group.ToList(), ct));
        }

        audit.Record(actor, "leasing.collected", "lease_collection", date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null,
            new { prenotified, outcome.FromBudget, DirectDebited = outcome.Debits.Count, outcome.Unpaid, Files = files.Select(f => f.MessageId).ToList() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CollectionResult(date.Value, prenotified, outcome.FromBudget, outcome.Debits.Count, outcome.Unpaid, files.Select(View).ToList());
    }

    public static DirectDebitFileView View(DirectDebitFile f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Id, f.MessageId, f.CreatedOn, f.CollectionOn, f.Count, Money.Eur(f.TotalCents));
    }

    private async Task<DirectDebitFile> FileAsync(LegalEntityId entityId, DateOnly date, List<PendingDebit> debits, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsReady)
        {
            throw new DomainException(LeasingErrors.NotReady);
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == entityId);
        var messageId = $"PRLV-{entity.Code}-{date:yyyyMMdd}-{await numbers.NextAsync($"direct-debits:{entity.Code}", ct)}";
        // A Core debit is presented at least one business day before it is collected: the next weekday.
        var collectionOn = date.AddDays(date.DayOfWeek switch { DayOfWeek.Friday => 3, DayOfWeek.Saturday => 2, _ => 1 });
        var content = SepaDirectDebit.Write(new SepaDebitBatch(
            messageId, clock.GetUtcNow().UtcDateTime, collectionOn, entity.Name, settings.City, "FR", settings.Iban, settings.Bic, settings.CreditorIdentifier,
            debits.Select(d => new SepaDebit($"{d.Lease.Number}-{d.Instalment.Number}", d.Instalment.AmountCents / 100m, d.Mandate.Reference, d.Mandate.SignedOn, d.First,
                d.Mandate.DebtorName, d.Mandate.Iban, $"{d.Lease.Number} echeance {d.Instalment.Number} du {d.Instalment.DueOn:dd/MM/yyyy}")).ToList()));
        var file = new DirectDebitFile
        {
            LegalEntityId = entityId, MessageId = messageId, CreatedOn = date, CollectionOn = collectionOn, Count = debits.Count,
            TotalCents = debits.Sum(d => d.Instalment.AmountCents), Content = content,
        };
        db.Add(file);
        foreach (var debit in debits)
        {
            debit.Instalment.DirectDebitFileId = file.Id;
        }

        return file;
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/collect", async (CollectInstalmentsInput input, CollectInstalments handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(input, await actors.GetAsync(ct), ct)))
            .WithName("CollectLeaseInstalments").WithSummary("Collecter les échéances du jour : budgets, prélèvements SEPA (pain.008), impayés (finance)").ProducesProblems();
}
