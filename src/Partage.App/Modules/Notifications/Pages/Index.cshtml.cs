using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Notifications.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Notifications.Pages;

/// <summary>The account's notices and its preferences, on one page: open a notice (marked read on the way), mark all read, choose the channels.</summary>
public sealed class IndexModel(ListNotices list, MarkNoticesRead mark, NoticePreferences preferences) : PartagePageModel
{
    public PagedResult<NoticeView> Notices { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public int Unread { get; private set; }

    public IReadOnlyList<NoticeChoice> Choices { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NonLues { get; set; }

    /// <summary>The kinds ticked "dans Partage" and "par e-mail" (unticked boxes are not sent by a browser).</summary>
    [BindProperty]
    public List<NoticeKind> InApp { get; set; } = [];

    [BindProperty]
    public List<NoticeKind> Email { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (Actor.UserId is null)
        {
            return NotFound();
        }

        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        await LoadListsAsync(ct);
        return await TryAsync(async () =>
        {
            await mark.HandleAsync(id, Actor, ct);
            var link = Notices.Items.FirstOrDefault(n => n.Id == id)?.Link ?? (await list.HandleAsync(false, 1, PageRequest.MaxSize, Actor, ct)).Notices.Items.FirstOrDefault(n => n.Id == id)?.Link;

            // Only a path of this site: a notice never sends anyone elsewhere.
            return LocalRedirect(link is not null && Url.IsLocalUrl(link) ? link : "/notifications");
        });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        await LoadListsAsync(ct);
        return await TryAsync(async () =>
        {
            await mark.AllAsync(Actor, ct);
            return Redirect("/notifications?lues=1");
        });
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        await LoadListsAsync(ct);
        return await TryAsync(async () =>
        {
            // The kinds the form showed: a kind it did not show keeps what it was.
            var shown = (await preferences.GetAsync(Actor, ct)).Select(c => c.Kind);
            await preferences.SaveAsync(shown.Select(k => new NoticeChoice(k, InApp.Contains(k), Email.Contains(k))).ToList(), Actor, ct);
            return Redirect("/notifications?enregistre=1#preferences");
        });
    }

    public string PageUrl(int page) => $"/notifications?pageNumber={page}" + (NonLues ? "&nonLues=true" : string.Empty);

    private async Task LoadListsAsync(CancellationToken ct)
    {
        if (Actor.UserId is null)
        {
            return;
        }

        var found = await list.HandleAsync(NonLues, PageNumber, null, Actor, ct);
        (Notices, Unread) = (found.Notices, found.Unread);
        Choices = await preferences.GetAsync(Actor, ct);
    }
}
