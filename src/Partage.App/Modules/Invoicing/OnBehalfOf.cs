using Partage.App.Modules.Activities;
using Partage.App.Modules.Members;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

/// <summary>
/// Who a client hears from: the cooperative, for the member's activity ("La Nouvelle Aventure — pour le compte de
/// l'activité Quartet Durand"), with the member's address to reply to — the client knows the member, not the entity.
/// </summary>
public sealed class OnBehalfOf(IActivitiesApi activities, IMembersApi members)
{
    public sealed record Sender(string Signature, string? ReplyTo);

    public async Task<Sender> ForAsync(string entityName, ActivityId activity, MemberId member, CancellationToken ct)
    {
        var names = await activities.NamesAsync([activity], ct);
        var signature = names.TryGetValue(activity, out var name) ? $"{entityName} — pour le compte de l'activité {name}" : entityName;
        return new Sender(signature, (await members.EmployeeAsync(member, ct))?.Email);
    }
}
