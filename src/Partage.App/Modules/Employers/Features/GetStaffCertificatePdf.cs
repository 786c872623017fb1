using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Audit;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>
/// The employment certificate the cooperative makes for an employer's staff under either mandate
/// at the end of each contract: the AEM of an intermittent, the employer's certificate for France Travail otherwise.
/// </summary>
public sealed class GetStaffCertificatePdf(PartageDbContext db, IPayrollApi payroll, EmployerAccounts accounts, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The employment certificate of a contract, once its last payslip is validated: every month's
    /// work (hours, cachets, counted hours), gross pay and unemployment contributions, the end of the
    /// contract and its reason.
    /// </summary>
    public async Task<(string FileName, byte[] Content)> HandleAsync(EmployerId id, Guid contractId, Actor actor, CancellationToken ct = default)
    {
        var certificate = await WriteAsync(id, contractId, actor, ct);
        if (actor.UserId is not null)   // a person (staff, the employer), not the platform's own work
        {
            await audit.RecordPersonalDataReadAsync(actor, certificate.FileName, 1, ct);   // the full social security number of someone else
        }

        return certificate;
    }

    private async Task<(string FileName, byte[] Content)> WriteAsync(EmployerId id, Guid contractId, Actor actor, CancellationToken ct)
    {
        var employer = await db.Set<Employer>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var contract = await db.Set<StaffContract>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId && c.EmployerId == id, ct)
            ?? throw new DomainException(EmployersErrors.NotFound);
        var payslips = await db.Set<StaffPayslip>().AsNoTracking().Where(p => p.ContractId == contractId).OrderBy(p => p.From).ToListAsync(ct);
        if (!Ready(contract.End, payslips.Select(p => (p.To, p.Status))))
        {
            throw new DomainException(EmployersErrors.WrongStatus, "L'attestation est établie à la fin du contrat, une fois tous ses bulletins validés.");
        }

        var person = await db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == contract.StaffMemberId, ct);
        var mandate = await db.Set<Mandate>().AsNoTracking().Where(m => m.EmployerId == id && m.SignedOn <= contract.Start).OrderByDescending(m => m.SignedOn).FirstAsync(ct);
        var entity = await accounts.EntityAsync(ct);
        var months = contract.Months();
        var intermittent = contract.Kind != EmployeeKind.RegimeGeneral;
        var catalog = await payroll.CatalogAsync(ct);
        var hoursPerCachet = catalog.ValueOn("heures_par_cachet", contract.Start)
            ?? throw new InvalidOperationException("Aucune valeur du paramètre de paie « heures_par_cachet » n'est en vigueur au début du contrat.");

        var employerLines = new[]
        {
            $"Employeur : {employer.Name}, SIRET {employer.Siret}, APE {employer.Ape}, {employer.Street}, {employer.PostalCode} {employer.City}",
            $"Convention collective : IDCC {employer.CollectiveAgreement} — URSSAF {employer.UrssafReference}{(employer.FundReferences.Length > 0 ? " — caisses : " + employer.FundReferences : string.Empty)}",
            $"Établie par {entity.Name} (SIREN {entity.Siren}), qui gère la paie de l'employeur par mandat {(mandate.Kind == MandateKind.Complete ? "complet" : "partiel")} signé le {mandate.SignedOn:dd/MM/yyyy}.",
        };
        return payroll.CertificatePdf(new CertificatePrint(contract.Number, intermittent, entity.Name, employerLines,
            $"Salarié : {person.LastName.ToUpperInvariant()} {person.FirstName}, né(e) le {person.BirthDate:dd/MM/yyyy}, n° de sécurité sociale {Nir.Parse(person.Nir).Formatted}",
            $"Contrat {contract.Number} : {(intermittent ? "CDD d'usage" : "CDD")}, {JobLabels.Kind(contract.Kind)}, {contract.Job}{(contract.Event.Length > 0 ? " — " + contract.Event : string.Empty)}{(contract.Cadre ? ", cadre" : string.Empty)}",
            contract.Start, contract.End, hoursPerCachet, payslips.Select(p => new CertificateMonth(months[p.Period], p.Result(), p.Figures.GrossCents, p.Figures.NetPaidCents)).ToList(),
            $"Fait le {clock.Today():dd/MM/yyyy}, pour l'employeur et par mandat, par {entity.Name}. Le salarié reçoit un exemplaire de cette attestation ; les mêmes données sont transmises par la DSN lorsque la coopérative fait les déclarations de l'employeur."));
    }

    /// <summary>A contract is certified once its last month has a payslip and every payslip is validated.</summary>
    internal static bool Ready(DateOnly contractEnd, IEnumerable<(DateOnly To, StaffPayslipStatus Status)> payslips)
    {
        var all = payslips.ToList();
        return all.Any(p => p.To == contractEnd) && all.All(p => p.Status != StaffPayslipStatus.Computed);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/contracts/{contract:guid}/certificate.pdf", async (Guid id, Guid contract, GetStaffCertificatePdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(EmployerId.From(id), contract, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("StaffCertificatePdf").WithSummary("L'attestation employeur du contrat (AEM d'un intermittent), une fois ses bulletins validés").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
