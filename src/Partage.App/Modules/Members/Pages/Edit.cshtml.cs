using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Members.Pages;

public sealed class EditModel(GetMember getMember, UpdateMember handler, IOfficesApi offices) : PartagePageModel
{
    [BindProperty]
    public UpdateMemberInput Input { get; set; } = new();

    public MemberView? Current { get; private set; }

    public bool CanEditRecord { get; private set; }

    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(async () =>
        {
            await PrepareAsync(id, ct);
            var m = Current!;
            Input = new UpdateMemberInput
            {
                FirstName = m.FirstName, LastName = m.LastName, BirthDate = m.BirthDate.ToString("yyyy-MM-dd"), Trade = m.TradeCode,
                Status = m.Status.ToString(), ManagerId = m.ManagerId?.ToString(), Phone = m.Phone, Street = m.Street,
                PostalCode = m.PostalCode, City = m.City, Gender = m.Gender?.ToString(), BirthPlace = m.BirthPlace, BirthCountry = m.BirthCountry,
            };
        });

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(() => PrepareAsync(id, ct));
        if (loaded is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return loaded;
        }

        // A member's own form has no staff fields; whatever arrives for them is refused by the handler.
        return await TryAsync(async () =>
        {
            await handler.HandleAsync(new MemberId(id), Input, Actor, ct);
            return Redirect($"/membres/{id}?modifie=1");
        });
    }

    private async Task PrepareAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Current = await getMember.HandleAsync(new MemberId(id), Actor, ct);
        if (!(Actor.IsAdmin || Actor.IsManagerOf(Current.OfficeId) || Actor.MemberId == Current.Id))
        {
            throw new Kernel.DomainException(MembersErrors.NotFound);
        }

        CanEditRecord = Actor.IsAdmin || Actor.IsManagerOf(Current.OfficeId);
        Managers = await offices.ListManagersAsync(Current.OfficeId, ct);
    }
}
