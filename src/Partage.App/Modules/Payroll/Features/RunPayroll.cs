using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record PayrollRun(DateOnly Until, int Computed, int AutoValidated, int Batches, int Payments, Money Total, int WithoutIban)
{
    public string Summary => $"{Computed} bulletins calculés ({AutoValidated} validés automatiquement) ; {Batches} lots de virement, {Payments} salaires, {Total.ToDisplayString()} ; {WithoutIban} sans IBAN.";
}


/// <summary>
/// Net wages are paid on their pay day (end of the service + 7 days): each day's due wages — the
/// members' and the staff of employers under a payroll mandate — are put into one SEPA batch per
/// entity; a payslip joins one batch only, so a re-run never pays it twice.
/// Releasing a batch posts the payment (421 against 512) and makes its pain.001 file available.
/// </summary>
public sealed class RunPayroll(
    PartageDbContext db, ComputePayslips payslips, IMembersApi members, IEnumerable<IWageSource> otherPayments, ILegalEntitiesApi entities, NumberSeries numbers, IAuditLog audit, TimeProvider clock,
    Infrastructure.Telemetry.PartageMetrics metrics)
{
    /// <summary>
    /// Computes what ended, then batches the validated wages due on or before <paramref name="until"/>:
    /// the scheduler's daily run (`partage payroll run --until DATE`); running it again changes nothing.
    /// </summary>
    public async Task<PayrollRun> HandleAsync(DateOnly until, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();   // the run's duration for the operators (partage.payroll.run.duration)
        try
        {
            return await RunAsync(until, actor, ct);
        }
        finally
        {
            metrics.PayrollRan(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<PayrollRun> RunAsync(DateOnly until, Actor actor, CancellationToken ct)
    {
        var (computed, autoValidated) = await payslips.HandleAsync(until, actor, ct);
        var sources = otherPayments.ToList();
        foreach (var source in sources)
        {
            computed += await source.ComputeDueAsync(until, actor, ct);
        }

        var others = new List<(int Source, DueWage Wage)>();
        for (var i = 0; i < sources.Count; i++)
        {
            others.AddRange((await sources[i].DueWagesAsync(until, ct)).Select(w => (i, w)));
        }

        var due = await db.Set<Payslip>().AsNoTracking().Where(p => p.Status == PayslipStatus.Validated && p.PaymentBatchId == null && p.DueOn <= until)
            .Select(p => new { p.Id, p.MemberId, p.LegalEntityId, NetPaidCents = p.Figures.NetPaidCents - p.DeductionCents }).ToListAsync(ct);
        var identities = await members.EmployeesAsync(due.Select(p => p.MemberId).ToList(), ct);
        // Source -1: the members' own payslips; otherwise the index of the module that owes the payment.
        var payable = due.Where(p => identities.GetValueOrDefault(p.MemberId)?.Iban is not null).Select(p => (Id: p.Id.Value, p.LegalEntityId, p.NetPaidCents, Source: -1))
            .Concat(others.Select(o => (o.Wage.Id, o.Wage.LegalEntityId, NetPaidCents: o.Wage.Amount.Cents, o.Source))).ToList();
        var codes = await entities.CodesAsync(ct);
        var (batches, total) = (0, Money.ZeroEur);
        foreach (var group in payable.GroupBy(p => p.LegalEntityId))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = new PaymentBatch
            {
                Id = Guid.CreateVersion7(), Number = $"VIR-{codes[group.Key]}-{until.Year}-{await numbers.NextAsync($"wages:{codes[group.Key]}:{until.Year}", ct):D6}",
                LegalEntityId = group.Key, ExecutionDate = until, Count = group.Count(), TotalCents = group.Sum(p => p.NetPaidCents), Status = PaymentBatchStatus.Built,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(batch);
            audit.Record(actor, "payroll.batch_built", "payment_batch", batch.Id.ToString(), null, new { batch.Number, batch.Count, batch.TotalCents });
            await db.SaveChangesAsync(ct);
            foreach (var ids in group.Where(p => p.Source < 0).Select(p => PayslipId.From(p.Id)).Chunk(1_000))
            {
                // Only payslips still outside any batch join it: a concurrent run cannot pay one twice.
                var joined = await db.Set<Payslip>().Where(p => ids.Contains(p.Id) && p.PaymentBatchId == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.PaymentBatchId, batch.Id), ct);
                RequireAllJoined(joined, ids.Length);
            }

            foreach (var owed in group.Where(p => p.Source >= 0).GroupBy(p => p.Source))
            {
                var ids = owed.Select(p => p.Id).ToList();
                RequireAllJoined(await sources[owed.Key].JoinBatchAsync(batch.Id, ids, ct), ids.Count);
            }

            await transaction.CommitAsync(ct);
            (batches, total) = (batches + 1, total + Money.Eur(batch.TotalCents));
        }

        return new PayrollRun(until, computed, autoValidated, batches, payable.Count, total, due.Count - payable.Count(p => p.Source < 0));
    }

    private static void RequireAllJoined(int joined, int expected)
    {
        if (joined != expected)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Des salaires ont été mis dans un autre lot pendant la préparation : relancez la paie.");
        }
    }

    /// <summary>
    /// The date a person asks the run to go to: today when left empty, never later. A run "until" next month would
    /// batch wages before their pay day and pay them early; the scheduler and the operator's command pass their own day.
    /// </summary>
    public static DateOnly Until(string field, string? text, DateOnly today)
    {
        var v = new Infrastructure.Validation();
        var until = v.Date(field, "La date", text, required: false) ?? today;
        if (until > today)
        {
            v.Add(field, "La paie se lance au plus tard jusqu'à aujourd'hui : les salaires d'une date à venir ne sont pas encore dus.");
        }

        v.ThrowIfInvalid();
        return until;
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/runs", async (PayrollRunInput input, RunPayroll handler, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var until = Until("until", input.Until, clock.Today());
                return await handler.HandleAsync(until, await actors.GetAsync(ct), ct);
            })
            .WithName("PayrollRun").WithSummary("Calcule les bulletins des travaux terminés et prépare les lots de virement des salaires dus (relançable sans effet)").ProducesProblems();
    }
}
