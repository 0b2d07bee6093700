use crate::ValidationError;

/// The highest page number we serve. Far beyond any real listing, low enough that an offset
/// never overflows.
pub const MAX_PAGE: u32 = 100_000;

/// Which page of a listing a reader asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    number: u32,
    per_page: u32,
}

impl PageRequest {
    /// Reads a `page` query value: absent means page 1; otherwise a whole number from 1 to
    /// [`MAX_PAGE`] written in plain digits.
    pub fn parse(value: Option<&str>, per_page: u32) -> Result<PageRequest, ValidationError> {
        let per_page = per_page.max(1);
        let Some(value) = value else {
            return Ok(PageRequest { number: 1, per_page });
        };
        let number = (!value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit()))
            .then(|| value.parse::<u32>().ok())
            .flatten()
            .filter(|n| (1..=MAX_PAGE).contains(n));
        match number {
            Some(number) => Ok(PageRequest { number, per_page }),
            None => Err(ValidationError::invalid("page", value, "expected-page")),
        }
    }

    /// The first page.
    pub fn first(per_page: u32) -> PageRequest {
        PageRequest { number: 1, per_page: per_page.max(1) }
    }

    /// The page number, from 1.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// How many items a page holds.
    pub fn per_page(&self) -> u32 {
        self.per_page
    }

    /// How many items come before this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.number - 1) * u64::from(self.per_page)
    }
}

/// One page of a listing, with what is needed to link to its neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The items on this page, in listing order.
    pub items: Vec<T>,
    /// Which page this is.
    pub request: PageRequest,
    /// How many items the whole listing holds.
    pub total: u64,
}

impl<T> Page<T> {
    /// How many pages the listing has; an empty listing still has one (empty) page.
    pub fn page_count(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.request.per_page)).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX)
    }

    /// Whether the reader asked for a page past the end (page 1 of an empty listing exists).
    pub fn is_past_end(&self) -> bool {
        self.request.number > self.page_count()
    }

    /// The previous page's number, if any.
    pub fn previous(&self) -> Option<u32> {
        (self.request.number > 1).then(|| self.request.number - 1)
    }

    /// The next page's number, if any.
    pub fn next(&self) -> Option<u32> {
        (self.request.number < self.page_count()).then(|| self.request.number + 1)
    }

    /// Applies `f` to every item, keeping the paging.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), request: self.request, total: self.total }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn parse_page_numbers() {
        assert_eq!(PageRequest::parse(None, 10).unwrap().number(), 1);
        assert_eq!(PageRequest::parse(Some("7"), 10).unwrap().offset(), 60);
        assert_eq!(PageRequest::parse(Some("100000"), 10).unwrap().number(), MAX_PAGE);
        for bad in ["0", "-1", "abc", "", "1.5", "+1", " 1", "99999999999", "100001", "1e3", "٣"] {
            assert!(PageRequest::parse(Some(bad), 10).is_err(), "{bad:?}");
        }
    }

    proptest! {
        /// Walking pages 1..=page_count with `offset` visits every item exactly once.
        #[test]
        fn pages_partition_the_listing(total in 0u64..500, per_page in 1u32..40) {
            let first = Page::<()> { items: vec![], request: PageRequest::first(per_page), total };
            let mut seen = 0u64;
            for number in 1..=first.page_count() {
                let request = PageRequest::parse(Some(&number.to_string()), per_page).unwrap();
                prop_assert_eq!(request.offset(), seen);
                let on_page = (total - seen).min(u64::from(per_page));
                prop_assert!(on_page > 0 || total == 0);
                seen += on_page;
                let page = Page::<()> { items: vec![], request, total };
                prop_assert!(!page.is_past_end());
                prop_assert_eq!(page.next().is_some(), number < first.page_count());
            }
            prop_assert_eq!(seen, total);
            let beyond = PageRequest::parse(Some(&(first.page_count() + 1).to_string()), per_page).unwrap();
            let past = Page::<()> { items: vec![], request: beyond, total };
            prop_assert!(past.is_past_end());
        }

        #[test]
        fn page_parse_never_panics(text in "\\PC{0,12}") {
            let _ = PageRequest::parse(Some(&text), 10);
        }
    }
}
