using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Payroll.Features;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The hires of employers' staff as Payroll's DPAE declares them (its <see cref="Payroll.IHiringSource"/>): the employer is the organisation, the cooperative its declarant.</summary>
public sealed class StaffHires(PartageDbContext db)
{
    /// <summary>The hires recorded between two dates (in Paris), oldest first.</summary>
    internal async Task<IReadOnlyList<DpaeDeclaration>> DeclarationsAsync(DateOnly from, DateOnly to, string declarantPhone, CancellationToken ct)
    {
        var start = ParisTime.UtcStartOf(from);
        var end = ParisTime.UtcStartOf(to.AddDays(1));
        var rows = await db.Set<StaffContract>().AsNoTracking().Where(c => c.DpaeRecordedAt >= start && c.DpaeRecordedAt < end)
            .Join(db.Set<StaffMember>(), c => c.StaffMemberId, s => s.Id, (c, s) => new { Contract = c, Person = s })
            .Join(db.Set<Employer>(), x => x.Contract.EmployerId, e => e.Id, (x, e) => new { x.Contract, x.Person, Employer = e })
            .OrderBy(x => x.Contract.DpaeRecordedAt).ThenBy(x => x.Contract.Number).ToListAsync(ct);
        return rows.Select(x => new DpaeDeclaration(x.Contract.Number, x.Employer.Siret, x.Employer.Name, x.Employer.Ape, x.Employer.UrssafReference.Split(' ')[0],
            x.Employer.Street, x.Employer.PostalCode, x.Employer.City, declarantPhone, x.Person.LastName, x.Person.FirstName, Nir.Parse(x.Person.Nir), x.Person.BirthDate,
            x.Contract.Kind == EmployeeKind.RegimeGeneral ? "CDD" : "CDDU", x.Contract.Start, new TimeOnly(9, 0), x.Contract.End, 0,
            x.Contract.Kind == EmployeeKind.RegimeGeneral ? "Service de santé au travail interentreprises" : "CMB", x.Contract.DpaeRecordedAt) { BirthTown = x.Person.BirthPlace }).ToList();
    }
}
