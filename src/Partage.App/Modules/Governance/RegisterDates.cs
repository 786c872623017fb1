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

    /// <summary>The shareholder, tracked, when admitted; otherwise 404 or 409 in words.</summary>
    public static async Task<Shareholder> AdmittedAsync(PartageDbContext db, ShareholderId id, CancellationToken ct)
    {
        var holder = await db.Set<Shareholder>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException(GovernanceErrors.NotFound);
        return holder.Status == ShareholderStatus.Admitted ? holder : throw new DomainException(GovernanceErrors.WrongStatus, "Seul un sociétaire admis, et pas sorti, souscrit, libère ou cède des parts.");
    }
}
