using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record StaffBirthplaceInput(string? BirthPlace, string? BirthCountry);

/// <summary>A person of the employer's staff as the DSN needs them; <see cref="Missing"/> when the declaration would refuse them.</summary>
public sealed record StaffPersonView(Guid Id, string FullName, string NirMasked, DateOnly BirthDate, string? BirthPlace, string? BirthCountry, bool Missing);

/// <summary>
/// The town and country of birth of an employer's staff, which the DSN declares: given with a contract (form or file),
/// completed or corrected here by payroll staff for people hired before it was asked or entered wrongly.
/// </summary>
public sealed class StaffBirthplaces(PartageDbContext db, IAuditLog audit)
{
    /// <summary>The employer's staff by name, those the DSN would refuse first.</summary>
    public async Task<IReadOnlyList<StaffPersonView>> ListAsync(EmployerId employerId, Actor actor, CancellationToken ct = default)
    {
        var employer = await db.ManagedEmployerAsync(employerId, actor, ct);
        var people = await db.Set<StaffMember>().AsNoTracking().Where(s => s.EmployerId == employer.Id).ToListAsync(ct);
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true);
        return people.Select(View).OrderByDescending(p => p.Missing).ThenBy(p => p.FullName, byName).ToList();
    }

    public async Task<StaffPersonView> SetAsync(EmployerId employerId, Guid staffMemberId, StaffBirthplaceInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var employer = await db.ManagedEmployerAsync(employerId, actor, ct);
        var person = await db.Set<StaffMember>().SingleOrDefaultAsync(s => s.Id == staffMemberId && s.EmployerId == employer.Id, ct)
            ?? throw new DomainException(EmployersErrors.StaffNotFound);
        var v = new Validation();
        var (place, country) = Birthplace.Check(v, "BirthPlace", "BirthCountry", input.BirthPlace, input.BirthCountry, person.Nir);
        if (place is null)
        {
            v.Add("BirthPlace", "La commune de naissance est obligatoire.");
        }

        v.ThrowIfInvalid();
        var before = new { person.BirthPlace, person.BirthCountry };
        (person.BirthPlace, person.BirthCountry) = (place, country);
        audit.Record(actor, "employers.staff_birthplace_set", "employer_staff", person.Id.ToString(), before, new { person.BirthPlace, person.BirthCountry, Employer = employer.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return View(person);
    }

    private static StaffPersonView View(StaffMember p)
    {
        var nir = Nir.Parse(p.Nir);
        return new(p.Id, p.FullName, nir.Masked, p.BirthDate, p.BirthPlace, p.BirthCountry, Birthplace.IsIncomplete(nir, p.BirthPlace, p.BirthCountry));
    }

    public static void Map(RouteGroupBuilder service)
    {
        service.MapGet("/{id:guid}/staff", async (Guid id, StaffBirthplaces staff, ActorAccessor actors, CancellationToken ct) =>
                await staff.ListAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("EmployerStaff").WithSummary("Les salariés d'un employeur, avec leur lieu de naissance que la DSN déclare (service paie)").ProducesProblems();
        service.MapPut("/{id:guid}/staff/{staffMemberId:guid}/birthplace", async (Guid id, Guid staffMemberId, StaffBirthplaceInput input, StaffBirthplaces staff, ActorAccessor actors, CancellationToken ct) =>
                await staff.SetAsync(EmployerId.From(id), staffMemberId, input, await actors.GetAsync(ct), ct))
            .WithName("SetStaffBirthplace").WithSummary("Commune et, hors de France, pays de naissance d'un salarié d'un employeur (service paie)").ProducesProblems();
    }
}
