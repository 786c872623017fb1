using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Ui;

/// <summary>
/// Base of the pages: the current actor, and one way to run a handler so that a broken rule or
/// bad input becomes a French message on the form (nothing written), and a refusal a 404.
/// </summary>
public abstract class PartagePageModel : PageModel
{
    public Actor Actor { get; private set; } = Actor.Anonymous;

    protected async Task LoadActorAsync()
    {
        Actor = await HttpContext.RequestServices.GetRequiredService<ActorAccessor>().GetAsync(HttpContext.RequestAborted);
    }

    /// <summary>Runs <paramref name="action"/>; on invalid input or a broken rule, returns the page with the messages.</summary>
    protected async Task<IActionResult> TryAsync(Func<Task<IActionResult>> action, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (InputValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
                }
            }
        }
        catch (DomainException e) when (e.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return Page();
    }

    /// <summary>
    /// A download (CSV, PDF, FEC): what does not exist or is not the user's answers 404, a malformed
    /// request or a refused one 400 — never an error page for a file link.
    /// </summary>
    protected async Task<IActionResult> DownloadAsync(Func<Task<IActionResult>> file)
    {
        ArgumentNullException.ThrowIfNull(file);
        await LoadActorAsync();
        try
        {
            return await file();
        }
        catch (DomainException e) when (e.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (Exception e) when (e is DomainException or InputValidationException)
        {
            return BadRequest();
        }
    }

    /// <summary>Loads data for a page; a refusal or missing resource answers 404.</summary>
    protected async Task<IActionResult> LoadAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
            return Page();
        }
        catch (DomainException e) when (e.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// A list's filter by a status typed in the address (« ?statut=Paid »): its value, or null — and, when the text names
    /// no status, <paramref name="unknown"/> on the page, and the list shown unfiltered.
    /// </summary>
    protected TEnum? EnumFilter<TEnum>(string? text, string unknown)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(text, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            return parsed;
        }

        ModelState.AddModelError(string.Empty, unknown);
        return null;
    }

    /// <summary>
    /// A list read with filters typed in the address or a form (months, dates): filters that do not read are told on
    /// the page, in the fields' own French words, and the list stays empty instead of the page failing.
    /// </summary>
    protected async Task<IReadOnlyList<T>> FilteredAsync<T>(Func<Task<IReadOnlyList<T>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read();
        }
        catch (InputValidationException e)
        {
            foreach (var message in e.Errors.SelectMany(f => f.Value))
            {
                ModelState.AddModelError(string.Empty, message);
            }

            return [];
        }
    }
}
