using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers;

public static class EmployersAccess
{
    /// <summary>Payroll staff and administrators run the service; finance reads it (exposure).</summary>
    public static bool Manages(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Payroll);

    public static IQueryable<Employer> Visible(this IQueryable<Employer> employers, Actor actor) =>
        actor.IsCooperativeStaff ? employers
        : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? employers.Where(e => e.OfficeId == office)
        : actor.EmployerId is { } own ? employers.Where(e => e.Id == own)
        : employers.Where(_ => false);

    /// <summary>The rows (staff payslips, invoices) of the employers the actor may see.</summary>
    public static IQueryable<T> OfVisibleEmployers<T>(this IQueryable<T> rows, IQueryable<Employer> employers, Actor actor)
        where T : class, IEmployerOwned
    {
        var visible = employers.Visible(actor).Select(e => e.Id);
        return rows.Where(r => visible.Contains(r.EmployerId));
    }

    public static void RequireManager(Actor actor)
    {
        if (!Manages(actor))
        {
            throw new DomainException(EmployersErrors.NotFound);
        }
    }

    /// <summary>An employer for the staff who run the service, if they see it; anyone else finds nothing.</summary>
    public static async Task<Employer> ManagedEmployerAsync(this PartageDbContext db, EmployerId id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        RequireManager(actor);
        return await db.Set<Employer>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
    }
}

/// <summary>A row that belongs to one employer, and is seen by whoever sees that employer.</summary>
public interface IEmployerOwned
{
    EmployerId EmployerId { get; }
}
