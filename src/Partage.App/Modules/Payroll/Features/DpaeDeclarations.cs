using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>The DPAE data of the hires recorded in a period: the members' contracts countersigned then, and the staff of employers under mandate.</summary>
public sealed class DpaeDeclarations(PartageDbContext db, IMembersApi members, IHiringSource staffHires, ILegalEntitiesApi entities, IOptions<PayrollOptions> options)
{
    public async Task<IReadOnlyList<DpaeDeclaration>> ForPeriodAsync(DateOnly from, DateOnly to, Actor actor, CancellationToken ct)
    {
        PayrollAccess.RequireStaff(actor);
        var start = ParisTime.UtcStartOf(from);   // the hires recorded on those days in Paris
        var end = ParisTime.UtcStartOf(to.AddDays(1));
        var hires = await db.Set<Job>().AsNoTracking().Where(j => j.DpaeRecordedAt >= start && j.DpaeRecordedAt < end).OrderBy(j => j.DpaeRecordedAt).ToListAsync(ct);
        var entityList = (await entities.ListAsync(ct)).ToDictionary(e => e.Id);
        var people = await members.EmployeesAsync(hires.Select(j => j.MemberId).Distinct().ToList(), ct);
        var missing = hires.Select(j => entityList[j.LegalEntityId].Code).Distinct().Where(code => Establishment(code) is null).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(PayrollErrors.DpaeFile,
                $"Les références DPAE de {string.Join(", ", missing)} sont à configurer (Payroll:Establishments:CODE : Nic, Ape, UrssafCode, Phone).");
        }

        // The staff of employers under mandate: the cooperative declares them as their declarant.
        var declarant = entityList.Values.First(e => e.Modules.Contains(BusinessModules.ContractManagement));
        var staff = await staffHires.DpaeDeclarationsAsync(from, to, Establishment(declarant.Code)?.Phone ?? string.Empty, ct);
        return hires.Select(job =>
        {
            var entity = entityList[job.LegalEntityId];
            var establishment = Establishment(entity.Code)!;
            var person = people[job.MemberId];
            var regimeGeneral = job.Kind == EmployeeKind.RegimeGeneral;
            return new DpaeDeclaration(job.Number, entity.Siren + establishment.Nic, entity.Name, establishment.Ape!, establishment.UrssafCode!, entity.Street, entity.PostalCode,
                entity.City, establishment.Phone!, person.LastName, person.FirstName, Nir.Parse(person.Nir), person.BirthDate, job.ContractType == ContractType.Cdd ? "CDD" : "CDDU", job.Start, new TimeOnly(9, 0), job.End,
                regimeGeneral ? job.TrialDays : 0, regimeGeneral ? "Service de santé au travail interentreprises" : "CMB", job.DpaeRecordedAt) { BirthTown = person.BirthPlace };
        }).Concat(staff).ToList();
    }

    private EstablishmentOptions? Establishment(string code) => options.Value.Establishment(code);
}
