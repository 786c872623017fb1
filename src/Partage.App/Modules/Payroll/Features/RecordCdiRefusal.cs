using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>How the CDI was offered (a letter, its date): kept in the audit trail, the proof the exemption rests on.</summary>
public sealed record CdiRefusalInput(string? Offer);

/// <summary>
/// The employee of a régime général CDD refused a CDI for the same or a similar job at a pay at least equal
/// (Code du travail L1243-10 4°): the end-of-contract indemnity is not due. Payroll staff record it, with how the
/// offer was made, before the last month's payslip is computed; the payslip then leaves the indemnity out and keeps
/// the paid-leave indemnity (L1242-16), which stays due. The signed contract is not changed.
/// </summary>
public sealed class RecordCdiRefusal(PartageDbContext db, GetJob views, IAuditLog audit)
{
    public async Task<JobView> HandleAsync(JobId id, CdiRefusalInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        PayrollAccess.RequireStaff(actor);
        var job = await views.LoadAsync(id, actor, ct);
        var v = new Validation();
        var offer = v.Required("Offer", "La proposition de CDI (courrier, date)", input.Offer, 500);
        v.ThrowIfInvalid();
        if (job.Kind != EmployeeKind.RegimeGeneral || job.Status != JobStatus.Countersigned)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Le refus d'un CDI s'enregistre sur un CDD de droit commun contre-signé ; un CDD d'usage n'a pas d'indemnité de fin de contrat.");
        }

        if (job.PrecarityExemption is { } already)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, $"Ce contrat est déjà sans indemnité de fin de contrat ({JobLabels.Exemption(already)}).");
        }

        var lastPeriod = $"{job.End.Year:D4}-{job.End.Month:D2}";
        if (await db.Set<Payslip>().AnyAsync(p => p.JobId == job.Id && p.Period == lastPeriod, ct))
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, $"Le bulletin de {lastPeriod}, le dernier du contrat, est déjà calculé avec l'indemnité de fin de contrat : le refus se règle par une régularisation de paie.");
        }

        job.PrecarityExemption = PrecarityExemptions.CdiRefused;
        audit.Record(actor, "payroll.cdi_refusal_recorded", "job", job.Id.ToString(), null, new { job.Number, Exemption = PrecarityExemptions.CdiRefused, Offer = offer });
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/cdi-refusal", async (Guid id, CdiRefusalInput input, RecordCdiRefusal handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(JobId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("RecordCdiRefusal").WithSummary("Le salarié en CDD a refusé un CDI (art. L1243-10) : pas d'indemnité de fin de contrat sur le dernier bulletin (service paie)").ProducesProblems();
    }
}
