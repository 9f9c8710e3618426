using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// Binds a choice (an enum) only from exactly one of its names, as the form's radio buttons post it. MVC's own binder
/// also takes numbers and comma lists, and reads "Grooming,Other" as the two values' flags, which is Other.
/// Anything else is refused with the kind "choose one of the answers shown" message beside the question.
/// </summary>
public sealed class ChoiceModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.IsEnum ? new ChoiceBinder(context.Metadata.UnderlyingOrModelType) : null;

    private sealed class ChoiceBinder(Type choices) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (posted == ValueProviderResult.None)
                return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);

            var metadata = bindingContext.ModelMetadata;
            var value = posted.FirstValue;
            if (posted.Length == 1 && string.IsNullOrWhiteSpace(value) && metadata.IsReferenceOrNullableType)
                bindingContext.Result = ModelBindingResult.Success(null); // nothing chosen: the validator says so kindly
            else if (posted.Length == 1 && Enum.GetNames(choices).Contains(value, StringComparer.Ordinal))
                bindingContext.Result = ModelBindingResult.Success(Enum.Parse(choices, value!));
            else
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(value ?? "", metadata.DisplayName ?? metadata.Name ?? ""));
            return Task.CompletedTask;
        }
    }
}
