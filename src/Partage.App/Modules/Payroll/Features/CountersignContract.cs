using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The cooperative countersigns before the start date: the budget is checked again (held, so that two countersignatures
/// spend it one after the other), the DPAE data is recorded at once, and the employer cost is committed on the
/// activity's budget (8011/8091).
/// </summary>
public sealed class CountersignContract(PartageDbContext db, GetJob views, IMembersApi members, ILedgerApi ledger, IAuditLog audit, TimeProvider clock)
{
    public async Task<JobView> HandleAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        var job = await views.LoadAsync(id, actor, ct);
        if (!JobsAccess.CanCountersign(actor, job))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        var today = clock.Today();
        job.RequireCountersignable(today);
        var member = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (member.Nir is null)
        {
            throw new DomainException(PayrollErrors.DpaeIncomplete);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cost = Money.Eur(job.EmployerCostCents);

        // Checked again here, with the budget held: two jobs declared together may each fit and not both.
        if (JobBudget.Shortfall(await ledger.BudgetToSpendAsync(job.ActivityId, ct), cost) is { } shortfall)
        {
            throw new DomainException(PayrollErrors.BudgetExceeded, shortfall + " Le contrat reste signé par le membre ; il pourra être contre-signé quand l'activité aura de quoi le payer.");
        }

        var entry = await ledger.PostAsync(new PostEntryRequest(job.LegalEntityId, "OD", today, $"Engagement — contrat {job.Number}", "job_commitment", job.Id.ToString(),
            $"job:{job.Id}:commitment",
            [
                new PostingLine(await ledger.AccountAsync(job.LegalEntityId, ChartOfAccounts.CommitmentsGiven, ct), Side.Debit, cost, job.ActivityId, $"Contrat {job.Number}"),
                new PostingLine(await ledger.AccountAsync(job.LegalEntityId, ChartOfAccounts.CommitmentsCounterpart, ct), Side.Credit, cost, null, $"Contrat {job.Number}"),
            ], job.Number), actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        job.Countersign(actor.Name, now, entry.Id, today);
        audit.Record(actor, "payroll.contract_countersigned", "job", job.Id.ToString(), null, new { job.Number, Dpae = now, CommitmentCents = cost.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/countersign", async (Guid id, CountersignContract handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(JobId.From(id), await actors.GetAsync(ct), ct))
            .WithName("CountersignContract").WithSummary("La coopérative contre-signe (service paie ou chargé d'accompagnement) : DPAE enregistrée, coût engagé").ProducesProblems();
    }
}
