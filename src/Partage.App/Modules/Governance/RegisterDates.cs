using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance;

/// <summary>What the register's commands check alike: a movement's day (not to come), an admitted shareholder.</summary>
internal static class RegisterDates
{
    public static DateOnly NotAhead(Validation v, ShareRegister register, string? text, string field = "On")
    {
        var on = v.Date(field, "La date du mouvement", text, required: false) ?? register.Today;
        if (on > register.Today)
        {
            v.Add(field, "Le registre inscrit ce qui est fait : la date n'est pas à venir.");
        }

        return on;
    }

    /// <summary>
    /// The register is chronological: a movement recorded by staff is never dated before the holder's admission or their
    /// last movement (a payment dated before its subscription would show more paid than subscribed on that day).
    /// </summary>
    public static async Task NotBeforeLastAsync(PartageDbContext db, Shareholder holder, DateOnly on, CancellationToken ct)
    {
        var last = await db.Set<ShareMovement>().Where(m => m.ShareholderId == holder.Id).MaxAsync(m => (DateOnly?)m.On, ct);
        var earliest = new[] { last, holder.AdmittedOn }.Max();
        if (earliest is { } day && on < day)
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["On"] = [$"Le registre est chronologique : ce mouvement de {holder.Name} ne peut pas être daté avant le {day:dd/MM/yyyy} (son admission ou son dernier mouvement)."],
            });
        }
    }

    /// <summary>The shareholder, tracked, when admitted; otherwise 404 or 409 in words.</summary>
    public static async Task<Shareholder> AdmittedAsync(PartageDbContext db, ShareholderId id, CancellationToken ct)
    {
        var holder = await db.Set<Shareholder>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException(GovernanceErrors.NotFound);
        return holder.Status == ShareholderStatus.Admitted ? holder : throw new DomainException(GovernanceErrors.WrongStatus, "Seul un sociétaire admis, et pas sorti, souscrit, libère ou cède des parts.");
    }
}
