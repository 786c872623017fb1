using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

public sealed record StaffDsnFilingInput(string? Month);

/// <summary>
/// The DSN the cooperative files for an employer under a complete mandate, kept as deposited: built from the month's validated
/// payslips, stored byte for byte by payroll (numbered apart from the entity's own, an "annule et remplace" after a deposit,
/// until the due date the employer's headcount sets), then marked deposited with the receipt on the payroll desk.
/// </summary>
public sealed class FileStaffDsn(GetStaffDsn dsn, IPayrollApi payroll, EmployerAccounts accounts)
{
    public async Task<DsnFilingView> HandleAsync(EmployerId id, StaffDsnFilingInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!EmployersAccess.Manages(actor))
        {
            throw new DomainException(EmployersErrors.NotFound);   // the employer downloads their file; payroll staff keep and deposit it
        }

        var (employer, first) = await dsn.ReadAsync(id, input.Month, actor, ct);
        var entity = await accounts.EntityAsync(ct);
        return await payroll.KeepEmployerDsnAsync(new DsnOwner(entity.Id, employer.Id.Value, employer.Name, employer.Headcount), first,
            (ordinal, replacement) => dsn.BuildAsync(employer, first, test: false, ordinal, replacement, ct), actor, ct);
    }

    public async Task<IReadOnlyList<DsnFilingView>> ListAsync(EmployerId id, Actor actor, CancellationToken ct = default)
    {
        if (!EmployersAccess.Manages(actor))
        {
            throw new DomainException(EmployersErrors.NotFound);
        }

        var employer = await dsn.EmployerAsync(id, actor, ct);
        return await payroll.EmployerDsnFilingsAsync(employer.Id.Value, actor, ct);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/{id:guid}/dsn-filings", async (Guid id, StaffDsnFilingInput input, FileStaffDsn handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var filed = await handler.HandleAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/payroll/dsn-filings/{filed.Id}/file", filed);
            })
            .WithName("FileEmployerDsn").WithSummary("Constituer et conserver la DSN d'un employeur sous mandat complet (annule et remplace la DSN déposée, avant l'échéance ; service paie)").ProducesProblems();
        employers.MapGet("/{id:guid}/dsn-filings", async (Guid id, FileStaffDsn handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.ListAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("EmployerDsnFilings").WithSummary("Les DSN conservées d'un employeur sous mandat, les plus récentes d'abord (service paie)").ProducesProblems();
    }
}
