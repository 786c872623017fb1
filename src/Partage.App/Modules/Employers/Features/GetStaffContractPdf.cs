using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The contract as PDF, the same document as the members' with the employer as employer; the employee signs it with the employer.</summary>
public sealed class GetStaffContractPdf(PartageDbContext db, GetEmployer employers, IPayrollApi payroll)
{
    public async Task<(string FileName, byte[] Content)> HandleAsync(EmployerId employerId, Guid id, Actor actor, CancellationToken ct = default)
    {
        var employer = await employers.HandleAsync(employerId, actor, ct);
        var contract = await db.Set<StaffContract>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.EmployerId == employerId, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var person = await db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == contract.StaffMemberId, ct);
        var intermittent = contract.Kind != EmployeeKind.RegimeGeneral;
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var content = payroll.ContractPdf(new ContractPrint(contract.Number, intermittent,
            $"{employer.Name} ({Labels.LegalForm(employer.LegalForm)}), SIRET {employer.Siret}, {employer.Street}, {employer.PostalCode} {employer.City}, dont la paie est gérée par mandat par la coopérative",
            $"{person.FullName}, né(e) le {person.BirthDate.ToString("dd/MM/yyyy", french)}, numéro de sécurité sociale {Nir.Parse(person.Nir).Masked}",
            intermittent
                ? $"Emploi par nature temporaire dans le secteur du spectacle, où il est d'usage constant de ne pas recourir au CDI (art. L1242-2 3° et D1242-1 6° du code du travail){(contract.Event.Length > 0 ? " : " + contract.Event : string.Empty)}"
                : $"Accroissement temporaire d'activité (art. L1242-2 2° du code du travail){(contract.Event.Length > 0 ? " : " + contract.Event : string.Empty)}",
            contract.Start, contract.End, Math.Max(1, Math.Min((contract.End.DayNumber - contract.Start.DayNumber + 1) / 7, 14)), contract.Job, contract.Cadre,
            contract.Event.Length > 0 ? contract.Event : contract.Job, $"{employer.City}", contract.Hours, contract.Cachets, Money.Eur(contract.GrossCents), contract.Dfs,
            employer.CollectiveAgreement, null,
            [
                $"Établi pour l'employeur par {contract.CreatedBy} le {ParisTime.Local(contract.CreatedAt).ToString("dd/MM/yyyy 'à' HH:mm", french)} (heure de Paris) ; DPAE enregistrée à cette heure.",
                "Signature du salarié et de l'employeur : à recueillir par l'employeur avant le début du travail.",
            ]), employer.Name);
        return ($"contrat-{contract.Number}.pdf", content);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/contracts/{contract:guid}.pdf", async (Guid id, Guid contract, GetStaffContractPdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(EmployerId.From(id), contract, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("StaffContractPdf").WithSummary("Le contrat (CDD ou CDDU) en PDF, avec ses clauses obligatoires").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
