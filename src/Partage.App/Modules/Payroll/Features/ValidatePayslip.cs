using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>Payroll staff validate a computed payslip: its payroll entry is posted and its share of the job's commitment released.</summary>
public sealed class ValidatePayslip(PartageDbContext db, PayslipPosting posting, GetPayslip views)
{
    public async Task<PayslipView> HandleAsync(PayslipId id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var payslip = await db.Set<Payslip>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (payslip.Status != PayslipStatus.Computed)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce bulletin est déjà validé.");
        }

        var job = await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == payslip.JobId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await posting.PostAsync([(payslip, job)], actor, ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapPost("/{id:guid}/validate", async (Guid id, ValidatePayslip handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(PayslipId.From(id), await actors.GetAsync(ct), ct))
            .WithName("ValidatePayslip").WithSummary("Valider un bulletin : écriture de paie passée, engagement levé (service paie)").ProducesProblems();
    }
}
